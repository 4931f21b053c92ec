import type { CacheDb } from '../cache/db.ts';
import { dropStaging } from './staging.ts';
import { TABLE_SIZES_KEY } from './table-sizes.ts';

/** Written in the same transaction as the changes it follows, so it also versions the synced data. */
export const CURSOR_KEY = 'sync.cursor';

/**
 * Forgets everything the feed brought, with what describes it (cursor, table sizes, a full resync
 * under way): the next sync reads the whole feed again. Outcomes waiting in the outbox are kept.
 */
export async function forgetSynced(db: CacheDb): Promise<void> {
  await db.transaction('rw', [...db.entityTables, db.stagedChanges, db.kv], async () => {
    for (const table of db.entityTables) await table.clear();
    await dropStaging(db);
    await db.kv.bulkDelete([CURSOR_KEY, TABLE_SIZES_KEY]);
  });
}
