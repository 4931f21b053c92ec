import { type AdminCollection, MAX_ADMIN_BATCH, User as UserSchema } from '../../lib/schemas/index.ts';
import { deleteCollection, StillReferencedError } from '../admin/delete.ts';
import { AdminValidationError } from '../admin/errors.ts';
import { upsertCollection } from '../admin/upsert.ts';
import type { Db } from '../db/types.ts';
import { ScimError } from './errors.ts';

/**
 * SCIM writes teams and memberships through the admin API's own store path, so they are validated by
 * the same rules (a user's teamId names an existing team), stamped `source: scim`, audited, and sent
 * through the change feed (a member's accounts move to their new team's audience).
 */
async function upsert(tx: Db, collection: AdminCollection, items: unknown[]): Promise<void> {
  try {
    await upsertCollection(tx, collection, items, { actor: null, source: 'scim', dryRun: false });
  } catch (error) {
    if (error instanceof AdminValidationError) throw new ScimError(400, error.message, 'invalidValue');
    throw error;
  }
}

export async function writeTeam(tx: Db, id: string, name: string, externalId?: string | null): Promise<void> {
  await upsert(tx, 'teams', [{ id, name }]);
  if (externalId !== undefined) {
    await tx.query('UPDATE teams SET scim_external_id = $2 WHERE id = $1', [id, externalId]);
  }
}

/**
 * Moves users into `teamId`, or out of their team when it is undefined. With `onlyFrom`, only users
 * currently in that team are touched: removing someone from a group they already left changes nothing.
 */
export async function setTeam(
  tx: Db,
  userIds: readonly string[],
  teamId: string | undefined,
  onlyFrom?: string,
): Promise<void> {
  if (userIds.length === 0) return;
  const rows = await tx.query<{ data: unknown; team_id: string | null }>(
    'SELECT data, team_id FROM users WHERE id = ANY($1::text[])',
    [userIds],
  );
  if (rows.length !== new Set(userIds).size)
    throw new ScimError(400, 'A member is not a known user id.', 'invalidValue');
  const users = rows
    .filter((row) => onlyFrom === undefined || row.team_id === onlyFrom)
    .map((row) => {
      const { teamId: _old, ...user } = UserSchema.parse(row.data);
      return teamId ? { ...user, teamId } : user;
    });
  // A big group is written in admin-sized batches, all inside the caller's one transaction.
  for (let start = 0; start < users.length; start += MAX_ADMIN_BATCH) {
    await upsert(tx, 'users', users.slice(start, start + MAX_ADMIN_BATCH));
  }
}

/** Members leave first, so nothing refers to the team when it goes (with a tombstone in the feed). */
export async function removeTeam(tx: Db, id: string): Promise<void> {
  const members = await tx.query<{ id: string }>('SELECT id FROM users WHERE team_id = $1', [id]);
  await setTeam(
    tx,
    members.map((member) => member.id),
    undefined,
    id,
  );
  try {
    await deleteCollection(tx, 'teams', [id], { actor: null, source: 'scim' });
  } catch (error) {
    if (error instanceof StillReferencedError) throw new ScimError(409, error.message);
    throw error;
  }
}
