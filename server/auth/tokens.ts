import { createHash, randomBytes } from 'node:crypto';
import { type User, User as UserSchema } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';

/** A recognisable prefix lets secret scanners and humans spot a leaked Goal Lens token. */
const TOKEN_PREFIX = 'glk_';

/** Only this hash is stored: a database leak must not hand out working tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export class UnknownUserError extends Error {
  constructor(readonly email: string) {
    super(`no user with email ${email}`);
    this.name = 'UnknownUserError';
  }
}

/** Issues a new token for the user with this email (case-insensitive). The token is returned once. */
export async function createToken(db: Db, email: string): Promise<string> {
  const [user] = await db.query<{ id: string }>('SELECT id FROM users WHERE lower(email) = lower($1)', [
    email.trim(),
  ]);
  if (!user) throw new UnknownUserError(email);
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  await db.query('INSERT INTO api_tokens (hash, user_id) VALUES ($1, $2)', [hashToken(token), user.id]);
  return token;
}

/** The user a presented token belongs to, or null for an unknown token or a deactivated user. */
export async function userForToken(db: Db, token: string): Promise<User | null> {
  const [row] = await db.query<{ data: unknown }>(
    'SELECT u.data FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = $1 AND u.deactivated_at IS NULL',
    [hashToken(token)],
  );
  return row ? UserSchema.parse(row.data) : null;
}
