import type { Db } from '../db/types.ts';

/** How long a revocation is kept. */
const REVOCATION_DAYS = 30;

/**
 * Remembers that `userId` undid an outcome the server has not seen yet, so that delivery, still in
 * flight from the client, is refused when it arrives.
 */
export async function recordRevocation(tx: Db, userId: string, outcomeId: string): Promise<void> {
  // A delivery still in flight after this long is long gone from any outbox, so the table stays
  // bounded by the undos of the last few weeks instead of growing forever.
  await tx.query('DELETE FROM outcome_revocations WHERE revoked_at < now() - make_interval(days => $1)', [
    REVOCATION_DAYS,
  ]);
  await tx.query(
    `INSERT INTO outcome_revocations (outcome_id, user_id) VALUES ($1, $2)
     ON CONFLICT (outcome_id, user_id) DO NOTHING`,
    [outcomeId, userId],
  );
}

/** The ids among `outcomeIds` that `userId` revoked. */
export async function revokedIds(
  tx: Db,
  userId: string,
  outcomeIds: readonly string[],
): Promise<Set<string>> {
  const rows = await tx.query<{ outcome_id: string }>(
    'SELECT outcome_id FROM outcome_revocations WHERE user_id = $1 AND outcome_id = ANY($2::text[])',
    [userId, outcomeIds],
  );
  return new Set(rows.map((row) => row.outcome_id));
}
