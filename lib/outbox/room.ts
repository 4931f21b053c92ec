import { toBlock } from '../cache/account-blocks.ts';
import type { CacheDb } from '../cache/db.ts';
import { isQuotaExceeded, StorageFullError } from '../cache/quota.ts';
import { CURSOR_KEY, forgetSynced } from '../sync/forget-synced.ts';
import { dropStaging } from '../sync/staging.ts';
import { TABLE_SIZES_KEY } from '../sync/table-sizes.ts';

/**
 * What may go, in order, to make room for an outcome. An outcome exists only here until it is sent;
 * the cache can be read again from the backend. A full resync's staged pages go first, then metrics: with their histories they are the
 * bulk of the cache, and the panel still shows the account, its tier and its key results without
 * them. If that is not enough, the whole synced cache goes. Dropping the cursor either way makes the
 * next sync replace the cache as a whole.
 */
const RESYNCABLE: ((db: CacheDb) => Promise<void>)[] = [
  (db) => db.transaction('rw', [db.stagedChanges, db.kv], () => dropStaging(db)),
  (db) =>
    db.transaction('rw', [db.accountBlocks, db.kv], async () => {
      await db.kv.bulkDelete([CURSOR_KEY, TABLE_SIZES_KEY]);
      await db.accountBlocks.toCollection().modify((block, cursor) => {
        const entries = block.entries.flatMap((entry) => (entry.account ? [{ ...entry, metrics: [] }] : []));
        cursor.value = toBlock(block.id, entries);
      });
      await db.accountBlocks.filter((block) => block.entries.length === 0).delete();
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
