import { type User, User as UserSchema } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import { ApiHttpError } from '../http/errors.ts';

/** The active user with this email (case-insensitive), or null. */
export async function activeUserByEmail(db: Db, email: string): Promise<User | null> {
  const [row] = await db.query<{ data: unknown }>(
    'SELECT data FROM users WHERE lower(email) = lower($1) AND deactivated_at IS NULL',
    [email.trim()],
  );
  return row ? UserSchema.parse(row.data) : null;
}

/** The user a code was issued to, refused if they were deactivated in the minute since. */
export async function activeUserById(db: Db, id: string): Promise<User> {
  const [row] = await db.query<{ data: unknown }>(
    'SELECT data FROM users WHERE id = $1 AND deactivated_at IS NULL',
    [id],
  );
  if (!row) throw new ApiHttpError(400, 'invalid_grant', 'This account is deactivated.');
  return UserSchema.parse(row.data);
}
