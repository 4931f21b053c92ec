import { useEffect, useState } from 'react';
import type { MessageClient } from '@/lib/messages/client.ts';
import type { DeviceSession } from '@/lib/schemas/index.ts';

interface Props {
  request: MessageClient;
  busy: boolean;
  act: (work: () => Promise<string>) => Promise<unknown>;
  /** This browser was signed out from the list. */
  onSignedOut: () => void;
}

/** The person's signed-in devices; each can be signed out from here. */
export function DeviceList({ request, busy, act, onSignedOut }: Props) {
  const [sessions, setSessions] = useState<DeviceSession[] | null>(null);

  useEffect(() => {
    request('signin/devices', {}).then(
      (answer) => setSessions(answer.sessions),
      () => setSessions(null),
    );
  }, [request]);

  if (!sessions || sessions.length === 0) return null;

  const signOut = (session: DeviceSession) =>
    act(async () => {
      const answer = await request('signin/device-out', { id: session.id });
      setSessions(answer.sessions);
      if (session.current) onSignedOut();
      return `The session on ${session.name} was ended.`;
    });

  return (
    <ul aria-label="Signed-in devices" className="devices">
      {sessions.map((session) => (
        <li key={session.id}>
          {session.name}
          {session.current ? ' (this browser)' : ''} · last used{' '}
          {new Date(session.lastUsedAt).toLocaleString()}{' '}
          <button
            type="button"
            disabled={busy}
            onClick={() => signOut(session)}
            aria-label={`End the session on ${session.name}${session.current ? ' (this browser)' : ''}`}
          >
            End session
          </button>
        </li>
      ))}
    </ul>
  );
}
