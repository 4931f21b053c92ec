import type { Db } from '../db/types.ts';
import { revokeUserSessions } from './sessions.ts';

/**
 * Deactivation keeps the user's row, so their logged outcomes stay attributed to them, but ends every
 * way they had in: device sessions are revoked and API tokens stop resolving (see userForBearer).
 * Returns how many sessions were revoked, or null when there is no such user.
 */
export async function deactivateUser(db: Db, userId: string): Promise<{ sessionsRevoked: number } | null> {
  return db.transaction(async (tx) => {
    const rows = await tx.query(
      'UPDATE users SET deactivated_at = coalesce(deactivated_at, now()) WHERE id = $1 RETURNING id',
      [userId],
    );
    if (rows.length === 0) return null;
    return { sessionsRevoked: await revokeUserSessions(tx, userId) };
  });
}

/** The command line names people by email. */
export async function deactivateUserByEmail(db: Db, email: string): Promise<{ sessionsRevoked: number }> {
  const [user] = await db.query<{ id: string }>('SELECT id FROM users WHERE lower(email) = lower($1)', [
    email.trim(),
  ]);
  const result = user ? await deactivateUser(db, user.id) : null;
  if (!result) throw new Error(`no user with email ${email}; nobody was deactivated`);
  return result;
}

export async function reactivateUser(db: Db, userId: string): Promise<boolean> {
  const rows = await db.query('UPDATE users SET deactivated_at = NULL WHERE id = $1 RETURNING id', [userId]);
  return rows.length > 0;
}
