import { randomUUID } from 'node:crypto';
import { User as UserSchema } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import { putEntities } from '../store/put.ts';
import { GROUP_SCHEMA, ScimError } from './errors.ts';
import type { AttributeChange } from './patch.ts';

/**
 * A SCIM group is a team: its id is the team id its members carry (`teamId`). A person is in one
 * team, so joining a second group moves them.
 */
export interface ScimGroup {
  id: string;
  displayName: string;
  externalId?: string;
}

export async function findGroup(db: Db, id: string): Promise<ScimGroup> {
  const [row] = await db.query<{ id: string; display_name: string; external_id: string | null }>(
    'SELECT id, display_name, external_id FROM scim_groups WHERE id = $1',
    [id],
  );
  if (!row) throw new ScimError(404, `No group with id ${id}.`);
  return {
    id: row.id,
    displayName: row.display_name,
    ...(row.external_id ? { externalId: row.external_id } : {}),
  };
}

export async function listGroups(db: Db, displayName?: string): Promise<ScimGroup[]> {
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM scim_groups WHERE $1::text IS NULL OR display_name = $1 ORDER BY id',
    [displayName ?? null],
  );
  return Promise.all(rows.map((row) => findGroup(db, row.id)));
}

export async function groupResource(db: Db, group: ScimGroup, baseUrl: string) {
  const members = await db.query<{ id: string; data: { name: string } }>(
    'SELECT id, data FROM users WHERE team_id = $1 ORDER BY id',
    [group.id],
  );
  return {
    schemas: [GROUP_SCHEMA],
    id: group.id,
    displayName: group.displayName,
    ...(group.externalId ? { externalId: group.externalId } : {}),
    members: members.map((m) => ({ value: m.id, display: m.data.name })),
    meta: { resourceType: 'Group', location: `${baseUrl}/scim/v2/Groups/${group.id}` },
  };
}

function memberIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((member) => {
    const id = typeof member === 'string' ? member : (member as { value?: unknown })?.value;
    if (typeof id !== 'string')
      throw new ScimError(400, 'Each member needs a value (the user id).', 'invalidValue');
    return id;
  });
}

/** Moves users into (teamId = group) or out of (no team) the group, through the change feed. */
async function setTeam(db: Db, userIds: readonly string[], teamId: string | undefined, onlyFrom?: string) {
  if (userIds.length === 0) return;
  const rows = await db.query<{ data: unknown; team_id: string | null }>(
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
  await putEntities(db, 'user', users);
}

async function currentMembers(db: Db, groupId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>('SELECT id FROM users WHERE team_id = $1', [groupId]);
  return rows.map((row) => row.id);
}

export async function createGroup(db: Db, body: Record<string, unknown>): Promise<ScimGroup> {
  const displayName = typeof body.displayName === 'string' ? body.displayName.trim() : '';
  if (!displayName) throw new ScimError(400, 'displayName is required.', 'invalidValue');
  return db.transaction(async (tx) => {
    if ((await listGroups(tx, displayName)).length > 0) {
      throw new ScimError(409, `A group named ${displayName} exists already.`, 'uniqueness');
    }
    const id = randomUUID();
    const externalId = typeof body.externalId === 'string' ? body.externalId : null;
    await tx.query('INSERT INTO scim_groups (id, display_name, external_id) VALUES ($1, $2, $3)', [
      id,
      displayName,
      externalId,
    ]);
    await setTeam(tx, memberIds(body.members), id);
    return findGroup(tx, id);
  });
}

/** PUT: the name and the whole member list are replaced. */
export async function replaceGroup(db: Db, id: string, body: Record<string, unknown>): Promise<ScimGroup> {
  return db.transaction(async (tx) => {
    await findGroup(tx, id);
    if (typeof body.displayName === 'string' && body.displayName.trim()) {
      await tx.query('UPDATE scim_groups SET display_name = $2 WHERE id = $1', [id, body.displayName.trim()]);
    }
    const wanted = memberIds(body.members);
    await setTeam(
      tx,
      (await currentMembers(tx, id)).filter((m) => !wanted.includes(m)),
      undefined,
      id,
    );
    await setTeam(tx, wanted, id);
    return findGroup(tx, id);
  });
}

export async function patchGroup(
  db: Db,
  id: string,
  changes: readonly AttributeChange[],
): Promise<ScimGroup> {
  return db.transaction(async (tx) => {
    await findGroup(tx, id);
    for (const change of changes) {
      if (change.path === 'displayname' && typeof change.value === 'string') {
        await tx.query('UPDATE scim_groups SET display_name = $2 WHERE id = $1', [id, change.value.trim()]);
      } else if (change.path === 'members') {
        if (change.op === 'remove') {
          const ids = change.filterValue
            ? [change.filterValue]
            : change.value === undefined
              ? await currentMembers(tx, id)
              : memberIds(change.value);
          await setTeam(tx, ids, undefined, id);
        } else {
          if (change.op === 'replace') await setTeam(tx, await currentMembers(tx, id), undefined, id);
          await setTeam(tx, memberIds(change.value), id);
        }
      }
    }
    return findGroup(tx, id);
  });
}

/** The team dissolves: its members keep their accounts' data but have no team until they join another. */
export async function deleteGroup(db: Db, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await findGroup(tx, id);
    await setTeam(tx, await currentMembers(tx, id), undefined, id);
    await tx.query('DELETE FROM scim_groups WHERE id = $1', [id]);
  });
}
