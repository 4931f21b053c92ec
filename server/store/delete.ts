import type { EntityType } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import { writeTransaction } from '../feed/lock.ts';
import { reconcileAudiences } from './audiences.ts';
import { feedTombstone } from './feed-rows.ts';
import { chunks, TABLES } from './tables.ts';

/**
 * Deletes entities and leaves tombstones in the feed. An account takes its metrics and outcomes with
 * it; a deleted user's accounts fall back to leads-only, since no team owns them any more.
 * Returns the ids that existed.
 */
export async function deleteEntities(db: Db, type: EntityType, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return writeTransaction(db, async (tx) => {
    const deleted: string[] = [];
    for (const part of chunks(ids)) {
      if (type === 'account') {
        await deleteChildren(tx, 'metric', part);
        await deleteChildren(tx, 'outcome', part);
      }
      const rows = await tx.query<{ id: string }>(
        `DELETE FROM ${TABLES[type].table} WHERE id = ANY($1::text[]) RETURNING id`,
        [part],
      );
      deleted.push(...rows.map((row) => row.id));
    }
    await feedTombstone(tx, type, deleted);
    if (type === 'user') await reconcileAudiences(tx, { ownerIds: deleted });
    return deleted;
  });
}

async function deleteChildren(tx: Db, type: 'metric' | 'outcome', accountIds: string[]): Promise<void> {
  const rows = await tx.query<{ id: string }>(
    `DELETE FROM ${TABLES[type].table} WHERE account_id = ANY($1::text[]) RETURNING id`,
    [accountIds],
  );
  await feedTombstone(
    tx,
    type,
    rows.map((row) => row.id),
  );
}
