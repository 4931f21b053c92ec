import { clearMetrics } from '../cache/account-store.ts';
import type { CacheDb } from '../cache/db.ts';
import { isQuotaExceeded, StorageFullError } from '../cache/quota.ts';
import { CURSOR_KEY, forgetSynced } from '../sync/forget-synced.ts';
import { dropStaging } from '../sync/staging.ts';

/**
 * What may go, in order, to make room for an outcome. An outcome exists only here until it is sent;
 * the cache can be read again from the backend. A full resync's staged pages go first, then metrics
 * (see `clearMetrics`), then, if that is not enough, the whole synced cache. Dropping the cursor
 * either way makes the next sync replace the cache as a whole.
 */
const RESYNCABLE: ((db: CacheDb) => Promise<void>)[] = [
  (db) => db.transaction('rw', [db.stagedChanges, db.kv], () => dropStaging(db)),
  (db) =>
    db.transaction('rw', [db.accountBlocks, db.kv], async () => {
      await db.kv.delete(CURSOR_KEY);
      await clearMetrics(db);
    }),
  forgetSynced,
];

/**
 * Runs a write to the outbox. When the browser refuses it for lack of space, resyncable data is
 * dropped step by step and the write tried again; if there is still no room it fails with a
 * StorageFullError saying `consequence`, so the user is never told an unsaved outcome was kept.
 */
export async function withRoomForOutbox<T>(
  db: CacheDb,
  write: () => Promise<T>,
  consequence: string,
): Promise<T> {
  for (const step of [null, ...RESYNCABLE]) {
    try {
      if (step) await step(db);
      return await write();
    } catch (error) {
      if (!isQuotaExceeded(error)) throw error;
    }
  }
  throw new StorageFullError(consequence);
}
