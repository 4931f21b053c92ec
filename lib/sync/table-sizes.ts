import type { Table } from 'dexie';
import type { CacheDb } from '../cache/db.ts';
import type { EntityType } from '../schemas/entities.ts';

/**
 * Row counts of the two tables that hold one row per account or metric. IndexedDB's count() walks
 * every row, which at 50 000 accounts and 100 000 metrics cost more than the rest of a delta sync,
 * so they are counted once and then kept up to date page by page, stored with the cursor.
 */
export interface TableSizes {
  accounts: number;
  metrics: number;
}

export const TABLE_SIZES_KEY = 'sync.tableSizes';

const TRACKED: Partial<Record<EntityType, keyof TableSizes>> = { account: 'accounts', metric: 'metrics' };

/**
 * Past this many changes to the tracked tables in one page, looking each row up costs more than
 * counting the tables once at the end of the sync.
 */
export const MAX_TRACKED_CHANGES = 1000;

export function trackedTable(type: EntityType): keyof TableSizes | undefined {
  return TRACKED[type];
}

/** How many of `ids` are already stored. */
export async function storedCount(table: Table<unknown, string>, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return (await table.bulkGet(ids)).filter((row) => row !== undefined).length;
}

export async function countTableSizes(db: CacheDb): Promise<TableSizes> {
  const [accounts, metrics] = await Promise.all([db.accounts.count(), db.metrics.count()]);
  return { accounts, metrics };
}
