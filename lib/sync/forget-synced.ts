import type { CacheDb } from '../cache/db.ts';
import { clearEntities } from '../cache/entities.ts';
import { dropStaging } from './staging.ts';

/** Written in the same transaction as the changes it follows, so it also versions the synced data. */
export const CURSOR_KEY = 'sync.cursor';

/**
 * Forgets everything the feed brought, with what describes it (cursor, counts, a full resync under
 * way): the next sync reads the whole feed again. Outcomes waiting in the outbox are kept.
 */
export async function forgetSynced(db: CacheDb): Promise<void> {
  await db.transaction('rw', [...db.entityTables, db.stagedChanges, db.kv], async () => {
    await clearEntities(db);
    await dropStaging(db);
    await db.kv.delete(CURSOR_KEY);
  });
}
