import { useEffect, useState } from 'react';
import { type DeviceSession, SessionsResponse } from '@/lib/schemas/index.ts';
import type { AdminClient } from '../admin-client.ts';
import { Refusal } from '../Refusal.tsx';
import { bodyOf, reasonOf } from './refusal.ts';

/** One person's signed-in devices, each signed out on its own. */
export function SessionList({ client, userId, name }: { client: AdminClient; userId: string; name: string }) {
  const [sessions, setSessions] = useState<DeviceSession[] | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    client
      .call({ method: 'GET', path: '/v1/admin/sessions', query: { userId } })
      .then((answer) => setSessions(SessionsResponse.parse(bodyOf(answer)).sessions))
      .catch((error: unknown) => setRefusal(reasonOf(error)));
  }, [client, userId]);

  const signOut = async (session: DeviceSession) => {
    setRefusal(null);
    try {
      bodyOf(await client.call({ method: 'DELETE', path: `/v1/admin/sessions/${session.id}` }));
      setSessions((current) => current?.filter((s) => s.id !== session.id) ?? null);
    } catch (error) {
      setRefusal(reasonOf(error));
    }
  };

  return (
    <div>
      {sessions === null && !refusal && <p role="status">Loading {name}’s devices…</p>}
      {sessions?.length === 0 && <p>{name} is not signed in anywhere.</p>}
      {sessions && sessions.length > 0 && (
        <ul aria-label={`${name}’s signed-in devices`}>
          {sessions.map((session) => (
            <li key={session.id}>
              {session.name}, signed in {new Date(session.createdAt).toLocaleDateString()}, last seen{' '}
              {new Date(session.lastUsedAt).toLocaleString()}{' '}
              <button type="button" onClick={() => void signOut(session)}>
                Sign out {session.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Refusal error={refusal} />
    </div>
  );
}
