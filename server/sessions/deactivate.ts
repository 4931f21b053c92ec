import type { Db } from '../db/types.ts';
import { revokeUserSessions } from './sessions.ts';

/**
 * Deactivation keeps the user's row, so their logged outcomes stay attributed to them, but ends every
 * way they had in: device sessions are revoked and API tokens stop resolving (see userForBearer).
 */
export async function deactivateUser(db: Db, userId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.query(
      'UPDATE users SET deactivated_at = coalesce(deactivated_at, now()) WHERE id = $1 RETURNING id',
      [userId],
    );
    if (rows.length === 0) return false;
    await revokeUserSessions(tx, userId);
    return true;
  });
}

export async function reactivateUser(db: Db, userId: string): Promise<boolean> {
  const rows = await db.query('UPDATE users SET deactivated_at = NULL WHERE id = $1 RETURNING id', [userId]);
  return rows.length > 0;
}
