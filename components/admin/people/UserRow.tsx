import { useState } from 'react';
import { AdminDeactivateResponse, type AdminRow, Role, type Team } from '@/lib/schemas/index.ts';
import type { RowAttrs } from '../../table/DataTable.tsx';
import type { AdminClient } from '../admin-client.ts';
import { bodyOf, reasonOf } from './refusal.ts';
import { SessionList } from './SessionList.tsx';

type UserRowData = AdminRow<'users'>;

interface Props {
  client: AdminClient;
  user: UserRowData;
  teams: readonly Pick<Team, 'id' | 'name'>[];
  isMe: boolean;
  onSaved: (user: UserRowData) => void;
  rowAttrs: RowAttrs;
  /**
   * Choices not saved yet, by user id, kept by the screen: a long list draws only the rows in view,
   * so a row scrolled away and back is drawn anew and must find what was chosen.
   */
  unsaved: Map<string, Choice>;
}

export type Choice = { role: UserRowData['role']; teamId: string };

/** One person: role and team edited in place, their devices, deactivation. */
export function UserRow({ client, user, teams, isMe, onSaved, rowAttrs, unsaved }: Props) {
  const [choice, setChoice] = useState<Choice>(
    () => unsaved.get(user.id) ?? { role: user.role, teamId: user.teamId ?? '' },
  );
  const { role, teamId } = choice;
  const choose = (change: Partial<Choice>) => {
    const next = { ...choice, ...change };
    setChoice(next);
    unsaved.set(user.id, next);
  };
  const [message, setMessage] = useState<{ text: string; refused: boolean } | null>(null);
  const [showDevices, setShowDevices] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const changed = role !== user.role || teamId !== (user.teamId ?? '');
  const messageId = `user-${user.id}-message`;

  const save = async () => {
    setMessage(null);
    const { source: _s, updatedBy: _b, updatedAt, ...item } = user;
    const { teamId: _t, ...rest } = item;
    const next = { ...rest, role, ...(teamId ? { teamId } : {}) };
    try {
      await client.put('users', [next], updatedAt ? { expected: { [user.id]: updatedAt } } : {});
      unsaved.delete(user.id);
      onSaved({ ...user, role, ...(teamId ? { teamId } : { teamId: undefined }) });
      setMessage({ text: 'Saved.', refused: false });
    } catch (error) {
      // What was chosen stays chosen: the admin can correct it and save again.
      setMessage({ text: reasonOf(error), refused: true });
    }
  };

  const deactivate = async () => {
    setConfirming(false);
    try {
      const answer = await client.call({ method: 'POST', path: `/v1/admin/users/${user.id}/deactivate` });
      const { sessionsRevoked } = AdminDeactivateResponse.parse(bodyOf(answer));
      setMessage({
        text: `${user.name} is deactivated; ${sessionsRevoked} signed-in ${sessionsRevoked === 1 ? 'device was' : 'devices were'} signed out.`,
        refused: false,
      });
    } catch (error) {
      setMessage({ text: reasonOf(error), refused: true });
    }
  };

  return (
    <tr {...rowAttrs}>
      <th scope="row">
        {user.name}
        <br />
        <small>{user.email}</small>
      </th>
      <td>
        <select
          aria-label={`Role of ${user.name}`}
          value={role}
          onChange={(e) => choose({ role: e.target.value as typeof role })}
        >
          {Role.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label={`Team of ${user.name}`}
          value={teamId}
          onChange={(e) => choose({ teamId: e.target.value })}
        >
          <option value="">(no team)</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </td>
      <td>
        <button type="button" disabled={!changed} aria-describedby={messageId} onClick={() => void save()}>
          Save {user.name}
        </button>{' '}
        <button type="button" aria-expanded={showDevices} onClick={() => setShowDevices(!showDevices)}>
          Devices of {user.name}
        </button>{' '}
        {!isMe &&
          (confirming ? (
            <>
              <button type="button" onClick={() => void deactivate()}>
                Confirm: deactivate {user.name}
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>
                Keep {user.name}
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              Deactivate {user.name}
            </button>
          ))}
        <div
          id={messageId}
          role={message?.refused ? 'alert' : 'status'}
          className={message?.refused ? 'field-error' : undefined}
        >
          {message?.text}
        </div>
        {showDevices && <SessionList client={client} userId={user.id} name={user.name} />}
      </td>
    </tr>
  );
}
