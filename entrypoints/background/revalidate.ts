import type { CacheDb } from '@/lib/cache/db.ts';
import { shouldRevalidate } from '@/lib/live/revalidate.ts';
import { readSyncStatus } from '@/lib/sync/engine.ts';
import type { SyncScheduler } from './scheduler.ts';

/**
 * Stale-while-revalidate (SPEC §11): a panel is answered from the cache at once; when that cache is
 * older than 30 s a delta sync starts behind it, and its CACHE_CHANGED makes the panel ask again.
 */
export async function revalidateIfStale(db: CacheDb, scheduler: SyncScheduler): Promise<void> {
  if (shouldRevalidate(await readSyncStatus(db), Date.now())) await scheduler.run();
}
