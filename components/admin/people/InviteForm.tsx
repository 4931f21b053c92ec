import { useId, useState } from 'react';
import { InvitationRequest, InvitationResponse } from '@/lib/schemas/index.ts';
import type { AdminClient } from '../admin-client.ts';
import { bodyOf, reasonOf } from './refusal.ts';

/** Makes a one-time sign-in link for someone who is already a user (SPEC section 10). */
export function InviteForm({ client }: { client: AdminClient }) {
  const ids = { email: useId(), problem: useId(), link: useId() };
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<InvitationResponse | null>(null);
  const [busy, setBusy] = useState(false);

  const invite = async () => {
    setInvitation(null);
    const checked = InvitationRequest.safeParse({ email: email.trim() });
    if (!checked.success) {
      setProblem('Enter an email address, like ana@example.com.');
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const answer = await client.call({ method: 'POST', path: '/v1/admin/invitations', body: checked.data });
      setInvitation(InvitationResponse.parse(bodyOf(answer)));
    } catch (error) {
      setProblem(reasonOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="invite-title">
      <h2 id="invite-title">Invite someone</h2>
      {/* The page's own check says what is wrong beside the field, in words a screen reader reads out. */}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void invite();
        }}
      >
        <label htmlFor={ids.email}>Email</label>{' '}
        <input
          id={ids.email}
          type="email"
          value={email}
          autoComplete="off"
          aria-invalid={problem !== null}
          aria-describedby={problem ? ids.problem : undefined}
          onChange={(event) => setEmail(event.target.value)}
        />{' '}
        <button type="submit" disabled={busy}>
          Create invitation link
        </button>
        {problem && (
          <span id={ids.problem} className="field-error" role="alert">
            {' '}
            {problem}
          </span>
        )}
      </form>
      {invitation && (
        <p role="status">
          <label htmlFor={ids.link}>Invitation link</label>{' '}
          <input id={ids.link} readOnly size={60} value={invitation.url} onFocus={(e) => e.target.select()} />{' '}
          valid once, until {new Date(invitation.expiresAt).toLocaleString()}. Send it to the person; it signs
          them in from the browser that has Goal Lens.
        </p>
      )}
    </section>
  );
}
