import { mkdir } from 'node:fs/promises';
import { lockDataDir } from './dir-lock.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Db, StorageChoice } from './types.ts';

/** Opens the chosen storage and brings its schema up to date. */
export async function openDb(choice: StorageChoice): Promise<Db> {
  const db = await connect(choice);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

async function connect(choice: StorageChoice): Promise<Db> {
  switch (choice.kind) {
    case 'postgres':
      return openPostgres(choice.url, choice.schema);
    case 'memory':
      return openPglite();
    case 'dir': {
      await mkdir(choice.dir, { recursive: true });
      const release = await lockDataDir(choice.dir);
      try {
        const db = await openPglite(choice.dir);
        return { ...db, close: () => db.close().finally(release) };
      } catch (error) {
        await release();
        throw error;
      }
    }
  }
}
