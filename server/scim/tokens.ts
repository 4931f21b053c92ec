import { randomBytes } from 'node:crypto';
import { hashToken } from '../auth/tokens.ts';
import type { Db } from '../db/types.ts';

/** Provisioning tokens belong to the identity provider, not to a person, and open only /scim/v2. */
const SCIM_PREFIX = 'glscim_';

export async function createScimToken(db: Db): Promise<string> {
  const token = SCIM_PREFIX + randomBytes(32).toString('base64url');
  await db.query('INSERT INTO scim_tokens (hash) VALUES ($1)', [hashToken(token)]);
  return token;
}

export async function isScimToken(db: Db, token: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM scim_tokens WHERE hash = $1', [hashToken(token)]);
  return rows.length > 0;
}
