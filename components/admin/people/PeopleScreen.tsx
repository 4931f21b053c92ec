import { useEffect, useRef, useState } from 'react';
import type { AdminRow } from '@/lib/schemas/index.ts';
import { DataTable } from '../../table/DataTable.tsx';
import { Refusal } from '../Refusal.tsx';
import type { ScreenProps } from '../screen-props.ts';
import { InviteForm } from './InviteForm.tsx';
import { reasonOf } from './refusal.ts';
import { type Choice, UserRow } from './UserRow.tsx';

const COLUMNS = ['Person', 'Role', 'Team', 'Actions'].map((header) => ({ header }));

type Loaded = { users: AdminRow<'users'>[]; teams: AdminRow<'teams'>[] };

/** Users with their roles and teams, invitations and signed-in devices (SPEC sections 9 and 10). */
export function PeopleScreen({ client, me }: ScreenProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const unsaved = useRef(new Map<string, Choice>()).current;

  useEffect(() => {
    Promise.all([client.list('users'), client.list('teams')])
      .then(([users, teams]) => setLoaded({ users, teams }))
      .catch((error: unknown) => setRefusal(reasonOf(error)));
  }, [client]);

  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">People</h1>
      <InviteForm client={client} />
      <h2>Users</h2>
      <Refusal error={refusal} />
      {!loaded && !refusal && <p role="status">Loading people…</p>}
      {loaded && (
        <DataTable
          caption="Users"
          hideCaption
          columns={COLUMNS}
          rows={loaded.users}
          rowKey={(user) => user.id}
          renderRow={(user, attrs) => (
            <UserRow
              rowAttrs={attrs}
              unsaved={unsaved}
              client={client}
              user={user}
              teams={loaded.teams}
              isMe={user.id === me.id}
              onSaved={(saved) =>
                setLoaded(
                  (current) =>
                    current && {
                      ...current,
                      users: current.users.map((u) => (u.id === saved.id ? saved : u)),
                    },
                )
              }
            />
          )}
        />
      )}
    </section>
  );
}
