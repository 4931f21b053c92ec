import { randomUUID } from 'node:crypto';
import { type User, User as UserSchema } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import { deactivateUser, reactivateUser } from '../sessions/deactivate.ts';
import { putEntities } from '../store/put.ts';
import { ScimError, USER_SCHEMA } from './errors.ts';
import { type AttributeChange, scimBoolean } from './patch.ts';

/** What Goal Lens keeps of a SCIM user. */
interface ScimUserDraft {
  email: string;
  name: string;
  active: boolean;
  externalId?: string;
}

interface Row {
  data: unknown;
  deactivated_at: Date | string | null;
  scim_external_id: string | null;
}

const SELECT = 'SELECT data, deactivated_at, scim_external_id FROM users';

function fromRow(row: Row): { user: User; draft: ScimUserDraft } {
  const user = UserSchema.parse(row.data);
  return {
    user,
    draft: {
      email: user.email,
      name: user.name,
      active: row.deactivated_at === null,
      ...(row.scim_external_id ? { externalId: row.scim_external_id } : {}),
    },
  };
}

export function userResource(user: User, draft: ScimUserDraft, baseUrl: string) {
  const [givenName, ...rest] = draft.name.split(' ');
  return {
    schemas: [USER_SCHEMA],
    id: user.id,
    ...(draft.externalId ? { externalId: draft.externalId } : {}),
    userName: draft.email,
    name: { formatted: draft.name, givenName: givenName ?? '', familyName: rest.join(' ') },
    displayName: draft.name,
    emails: [{ value: draft.email, type: 'work', primary: true }],
    active: draft.active,
    ...(user.teamId ? { groups: [{ value: user.teamId }] } : {}),
    meta: { resourceType: 'User', location: `${baseUrl}/scim/v2/Users/${user.id}` },
  };
}

const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

function primaryEmail(emails: unknown): string | undefined {
  if (typeof emails === 'string') return str(emails);
  if (!Array.isArray(emails)) return undefined;
  const list = emails as { value?: unknown; primary?: unknown }[];
  return str((list.find((email) => email.primary === true || email.primary === 'True') ?? list[0])?.value);
}

function nameOf(name: unknown): string | undefined {
  if (!name || typeof name !== 'object') return undefined;
  const { formatted, givenName, familyName } = name as Record<string, unknown>;
  return str(formatted) ?? str([str(givenName), str(familyName)].filter(Boolean).join(' '));
}

/** A POST or PUT body, as Okta and Entra ID send it. */
export function draftFromResource(body: Record<string, unknown>): ScimUserDraft {
  const email = primaryEmail(body.emails) ?? str(body.userName);
  if (!email || !UserSchema.shape.email.safeParse(email).success) {
    throw new ScimError(400, 'userName (or a primary email) must be an email address.', 'invalidValue');
  }
  const externalId = str(body.externalId);
  return {
    email,
    name: str(body.displayName) ?? nameOf(body.name) ?? email,
    active: body.active === undefined ? true : scimBoolean(body.active, 'active'),
    ...(externalId ? { externalId } : {}),
  };
}

/** Applies flattened PATCH changes; attributes Goal Lens does not keep (title, locale…) are ignored. */
export function patchDraft(draft: ScimUserDraft, changes: readonly AttributeChange[]): ScimUserDraft {
  const next = { ...draft };
  const [given = '', ...family] = next.name.split(' ');
  let givenName = given;
  let familyName = family.join(' ');
  for (const change of changes) {
    const value = change.op === 'remove' ? undefined : change.value;
    if (change.path === 'active') next.active = scimBoolean(value, 'active');
    else if (change.path === 'username' || change.path === 'emails') {
      const email = change.path === 'emails' ? primaryEmail(value) : str(value);
      if (email) next.email = email;
    } else if (change.path === 'displayname' || change.path === 'name.formatted') {
      if (str(value)) next.name = str(value) as string;
    } else if (change.path === 'name') next.name = nameOf(value) ?? next.name;
    else if (change.path === 'name.givenname') {
      givenName = str(value) ?? '';
      next.name = [givenName, familyName].filter(Boolean).join(' ') || next.name;
    } else if (change.path === 'name.familyname') {
      familyName = str(value) ?? '';
      next.name = [givenName, familyName].filter(Boolean).join(' ') || next.name;
    } else if (change.path === 'externalid') {
      const externalId = str(value);
      if (externalId) next.externalId = externalId;
      else delete next.externalId;
    }
  }
  return next;
}

export async function findScimUser(db: Db, id: string) {
  const [row] = await db.query<Row>(`${SELECT} WHERE id = $1`, [id]);
  if (!row) throw new ScimError(404, `No user with id ${id}.`);
  return fromRow(row);
}

export async function listScimUsers(db: Db, filter?: { attribute: string; value: string }) {
  const where =
    filter?.attribute === 'userName'
      ? 'WHERE lower(email) = lower($1)'
      : filter?.attribute === 'externalId'
        ? 'WHERE scim_external_id = $1'
        : '';
  const rows = await db.query<Row>(`${SELECT} ${where} ORDER BY id`, filter ? [filter.value] : []);
  return rows.map(fromRow);
}

/**
 * Stores the draft over `user` (or a new CSM): the user entity goes through the change feed like an
 * import, and `active: false` archives the user — their outcomes stay, their sessions end.
 */
export async function saveScimUser(db: Db, draft: ScimUserDraft, existing?: User) {
  return db.transaction(async (tx) => {
    const [clash] = await tx.query<{ id: string }>('SELECT id FROM users WHERE lower(email) = lower($1)', [
      draft.email,
    ]);
    if (clash && clash.id !== existing?.id) {
      throw new ScimError(409, `A user with userName ${draft.email} exists already.`, 'uniqueness');
    }
    const user: User = {
      ...(existing ?? { id: randomUUID(), role: 'csm' }),
      email: draft.email,
      name: draft.name,
    };
    await putEntities(tx, 'user', [UserSchema.parse(user)]);
    await tx.query('UPDATE users SET scim_external_id = $2 WHERE id = $1', [
      user.id,
      draft.externalId ?? null,
    ]);
    if (draft.active) await reactivateUser(tx, user.id);
    else await deactivateUser(tx, user.id);
    return findScimUser(tx, user.id);
  });
}
