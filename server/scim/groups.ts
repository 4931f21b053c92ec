import { randomUUID } from 'node:crypto';
import { Team } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import { GROUP_SCHEMA, ScimError } from './errors.ts';
import type { AttributeChange } from './patch.ts';
import { removeTeam, setTeam, writeTeam } from './team-writes.ts';

/**
 * A SCIM group is a team: its id is the team's id, its displayName the team's name, and its members
 * the users whose `teamId` it is. A person is in one team, so joining a second group moves them.
 */
interface ScimGroup {
  id: string;
  displayName: string;
  externalId?: string;
}

interface Row {
  data: unknown;
  scim_external_id: string | null;
}

function fromRow(row: Row): ScimGroup {
  const team = Team.parse(row.data);
  return {
    id: team.id,
    displayName: team.name,
    ...(row.scim_external_id ? { externalId: row.scim_external_id } : {}),
  };
}

export async function findGroup(db: Db, id: string): Promise<ScimGroup> {
  const [row] = await db.query<Row>('SELECT data, scim_external_id FROM teams WHERE id = $1', [id]);
  if (!row) throw new ScimError(404, `No group with id ${id}.`);
  return fromRow(row);
}

/** Every team is a group, so an identity provider can link its groups to teams made another way. */
export async function listGroups(db: Db, displayName?: string): Promise<ScimGroup[]> {
  const rows = await db.query<Row>(
    `SELECT data, scim_external_id FROM teams WHERE $1::text IS NULL OR data->>'name' = $1 ORDER BY id`,
    [displayName ?? null],
  );
  return rows.map(fromRow);
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

function displayNameOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

async function currentMembers(db: Db, groupId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>('SELECT id FROM users WHERE team_id = $1', [groupId]);
  return rows.map((row) => row.id);
}

/** Team names are how identity providers look groups up before creating them, so they stay unique. */
async function rename(tx: Db, group: ScimGroup, displayName: string, externalId?: string | null) {
  const clash = (await listGroups(tx, displayName)).find((other) => other.id !== group.id);
  if (clash) throw new ScimError(409, `A group named ${displayName} exists already.`, 'uniqueness');
  await writeTeam(tx, group.id, displayName, externalId);
}

export async function createGroup(db: Db, body: Record<string, unknown>): Promise<ScimGroup> {
  const displayName = displayNameOf(body.displayName);
  if (!displayName) throw new ScimError(400, 'displayName is required.', 'invalidValue');
  return db.transaction(async (tx) => {
    const id = randomUUID();
    const externalId = typeof body.externalId === 'string' ? body.externalId : null;
    await rename(tx, { id, displayName }, displayName, externalId);
    await setTeam(tx, memberIds(body.members), id);
    return findGroup(tx, id);
  });
}

/** PUT: the name and the whole member list are replaced. */
export async function replaceGroup(db: Db, id: string, body: Record<string, unknown>): Promise<ScimGroup> {
  return db.transaction(async (tx) => {
    const group = await findGroup(tx, id);
    const displayName = displayNameOf(body.displayName);
    if (displayName) {
      const externalId = typeof body.externalId === 'string' ? body.externalId : undefined;
      await rename(tx, group, displayName, externalId);
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
    const group = await findGroup(tx, id);
    for (const change of changes) {
      const displayName = displayNameOf(change.value);
      if (change.path === 'displayname' && displayName) {
        await rename(tx, group, displayName);
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
    await removeTeam(tx, id);
  });
}
