import type { Db } from '../db/types.ts';

interface FeedMeta {
  epoch: string;
  /** Tombstones at or below this seq may have been pruned; older cursors cannot be served. */
  tombstoneHorizon: number;
}

/**
 * The feed's meta as the columns `epoch` and `horizon`, for a statement that reads it beside a page,
 * so both come from one snapshot.
 */
export const FEED_META_COLUMNS = `(SELECT value FROM meta WHERE key = 'epoch') AS epoch,
  (SELECT value FROM meta WHERE key = 'tombstone_horizon') AS horizon`;

/** The meta read through `FEED_META_COLUMNS`. */
export function toFeedMeta(row: { epoch: string | null; horizon: string | null } | undefined): FeedMeta {
  if (row?.epoch == null) throw new Error('database has no epoch; was it migrated?');
  return { epoch: row.epoch, tombstoneHorizon: Number(row.horizon ?? 0) };
}

export async function readFeedMeta(db: Db): Promise<FeedMeta> {
  const [row] = await db.query<{ epoch: string | null; horizon: string | null }>(
    `SELECT ${FEED_META_COLUMNS}`,
  );
  return toFeedMeta(row);
}
