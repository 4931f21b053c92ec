import type { CacheDb } from '@/lib/cache/db.ts';
import type { Handlers } from '@/lib/messages/router.ts';
import { readSyncStatus } from '@/lib/sync/engine.ts';
import type { SyncScheduler } from './scheduler.ts';

export function createSyncHandlers(
  db: CacheDb,
  scheduler: SyncScheduler,
): Pick<Handlers, 'sync/now' | 'sync/status'> {
  return {
    'sync/now': () => scheduler.run(),
    'sync/status': () => readSyncStatus(db),
  };
}
