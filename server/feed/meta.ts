import type { Db } from '../db/types.ts';

interface FeedMeta {
  epoch: string;
  /** Tombstones at or below this seq may have been pruned; older cursors cannot be served. */
  tombstoneHorizon: number;
}

export async function readFeedMeta(db: Db): Promise<FeedMeta> {
  const rows = await db.query<{ key: string; value: string }>(
    `SELECT key, value FROM meta WHERE key IN ('epoch', 'tombstone_horizon')`,
  );
  const values = new Map(rows.map((row) => [row.key, row.value]));
  const epoch = values.get('epoch');
  if (epoch === undefined) throw new Error('database has no epoch; was it migrated?');
  return { epoch, tombstoneHorizon: Number(values.get('tombstone_horizon') ?? 0) };
}
