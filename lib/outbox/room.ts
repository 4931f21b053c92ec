import type { Table } from 'dexie';
import type { CacheDb } from '../cache/db.ts';
import { isQuotaExceeded, StorageFullError } from '../cache/quota.ts';
import { CURSOR_KEY } from '../sync/engine.ts';

/**
 * What may go, in order, to make room for an outcome. An outcome exists only here until it is sent;
 * the cache can be read again from the backend. Metrics go first: with their histories they are the
 * bulk of the cache, and the panel still shows the account, its tier and its key results without
 * them. If that is not enough, the whole synced cache goes. Dropping the cursor with it makes the next
 * sync replace the cache as a whole.
 */
const RESYNCABLE: ((db: CacheDb) => Table<unknown, string>[])[] = [
  (db) => [db.metrics],
  (db) => db.entityTables as Table<unknown, string>[],
];

async function drop(db: CacheDb, tables: Table<unknown, string>[]): Promise<void> {
  await db.transaction('rw', [...tables, db.kv], async () => {
    await db.kv.delete(CURSOR_KEY);
    for (const table of tables) await table.clear();
  });
}

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
      if (step) await drop(db, step(db));
      return await write();
    } catch (error) {
      if (!isQuotaExceeded(error)) throw error;
    }
  }
  throw new StorageFullError(consequence);
}
