import type { Db } from '../db/types.ts';
import { writeTransaction } from './lock.ts';

interface PruneResult {
  deleted: number;
  horizon: number;
}

/**
 * Deletes tombstones older than `olderThanDays` and raises the horizon to the newest pruned seq, so a
 * client whose cursor predates a pruned tombstone gets 410 and resyncs instead of keeping the entity.
 */
export async function pruneTombstones(db: Db, olderThanDays: number): Promise<PruneResult> {
  if (!Number.isFinite(olderThanDays) || olderThanDays < 0) {
    throw new Error('olderThanDays must be a number of days, 0 or more');
  }
  return writeTransaction(db, async (tx) => {
    const [pruned] = await tx.query<{ deleted: string | number; max_seq: string | number | null }>(
      `WITH gone AS (
         DELETE FROM changes
         WHERE op = 'delete' AND changed_at <= now() - make_interval(secs => $1)
         RETURNING seq
       )
       SELECT count(*) AS deleted, max(seq) AS max_seq FROM gone`,
      [olderThanDays * 86_400],
    );
    const [horizon] = await tx.query<{ value: string }>(
      `UPDATE meta SET value = GREATEST(value::bigint, $1::bigint)::text
       WHERE key = 'tombstone_horizon' RETURNING value`,
      [pruned?.max_seq ?? 0],
    );
    return { deleted: Number(pruned?.deleted ?? 0), horizon: Number(horizon?.value ?? 0) };
  });
}
