import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { MessageClient } from '@/lib/messages/client.ts';
import type { SettingsView } from '@/lib/settings/settings.ts';
import { backendAccessPattern } from '@/lib/signin/backend-access.ts';
import { DeviceList } from './DeviceList.tsx';

interface Props {
  request: MessageClient;
  settings: SettingsView | null;
  /** The backend URL as typed, so a first sign-in needs no separate Save. */
  backendUrl: string;
  busy: boolean;
  act: (work: () => Promise<string>) => Promise<unknown>;
  onSettings: (settings: SettingsView) => void;
}

/**
 * "Sign in" with the company login (or an invitation link) instead of a pasted token; the sign-in
 * window, PKCE and the session token all stay in the background.
 */
export function SignInSection({ request, settings, backendUrl, busy, act, onSettings }: Props) {
  const [invitation, setInvitation] = useState('');
  const signedInAs = settings?.signedInAs ?? null;

  const signIn = () =>
    act(async () => {
      const next = await request('signin/start', {
        ...(backendUrl ? { backendUrl } : {}),
        ...(invitation.trim() ? { invitation: invitation.trim() } : {}),
      });
      onSettings(next);
      setInvitation('');
      return `Signed in as ${next.signedInAs ?? 'you'}.`;
    });

  // The permission prompt needs the click itself, so it is asked before any message goes out.
  const signInInTab = () => {
    const target = backendUrl || settings?.backendUrl;
    let asked: Promise<boolean> = Promise.resolve(true);
    try {
      if (target) asked = browser.permissions.request({ origins: [backendAccessPattern(target)] });
    } catch {
      // Not a URL: the background names the problem.
    }
    return act(async () => {
      if (!(await asked)) throw new Error('Goal Lens needs access to the backend to sign in in a tab.');
      // The tab hands its code back only to the saved backend's pages, so a typed URL is saved first.
      if (backendUrl && backendUrl !== settings?.backendUrl) {
        onSettings(await request('settings/save', { backendUrl }));
      }
      await request('signin/tab-start', {
        ...(backendUrl ? { backendUrl } : {}),
        ...(invitation.trim() ? { invitation: invitation.trim() } : {}),
      });
      setInvitation('');
      return 'Finish signing in in the new tab; Goal Lens signs in as soon as it is done.';
    });
  };

  const signOut = () =>
    act(async () => {
      onSettings(await request('signin/out', {}));
      return 'Signed out. The data of this account was removed from this browser.';
    });

  // Opened by policy on install (#signin): start at once, once, unless already signed in.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !settings || settings.hasToken || location.hash !== '#signin') return;
    started.current = true;
    history.replaceState(null, '', location.pathname);
    void signIn();
  });

  return (
    <section aria-labelledby="signin-heading" className="signin">
      <h2 id="signin-heading">Account</h2>
      {signedInAs ? (
        <>
          <p>Signed in as {signedInAs}.</p>
          <button type="button" disabled={busy} onClick={signOut}>
            Sign out
          </button>
          <DeviceList
            request={request}
            busy={busy}
            act={act}
            onSignedOut={() => void request('settings/get', {}).then(onSettings)}
          />
        </>
      ) : (
        <>
          <button type="button" disabled={busy} onClick={signIn}>
            Sign in
          </button>{' '}
          <button type="button" disabled={busy} onClick={signInInTab}>
            {/* Worded without "Sign in", which stays the one button of that name (SPEC §5). */}
            Open sign-in in a browser tab
          </button>
          <p className="hint">
            Use the tab when your company’s login refuses the sign-in window. Allowing Goal Lens on the
            backend also lets invitation links opened in this browser sign it in.
          </p>
          <details>
            <summary>Have an invitation link?</summary>
            <label>
              Invitation link
              <input
                type="url"
                value={invitation}
                onChange={(e) => setInvitation(e.target.value)}
                placeholder="https://goals.example.com/auth/invite/…"
              />
            </label>
            <p className="hint">Paste the link your admin sent, then click Sign in. It works once.</p>
          </details>
        </>
      )}
    </section>
  );
}
