import type { CacheDb } from '@/lib/cache/db.ts';
import type { Handlers } from '@/lib/messages/router.ts';
import { createAdminHandlers } from './admin-handlers.ts';
import { createBookHandlers } from './book-handlers.ts';
import type { ChangedBy } from './broadcast.ts';
import { createConnectionHandlers } from './connection-handlers.ts';
import { createSiteHandlers } from './crm-sites-handlers.ts';
import { createDiagnosticsHandlers } from './diagnostics-handlers.ts';
import { createOutcomeHandlers } from './outcome-handlers.ts';
import { createPanelHandlers } from './panel-handlers.ts';
import type { SyncScheduler } from './scheduler.ts';
import { createSettingsHandlers } from './settings-handlers.ts';
import { createSignInHandlers } from './signin-handlers.ts';
import { createTabSignInHandlers } from './signin-tab-handlers.ts';
import { createSyncHandlers } from './sync-handlers.ts';

/** Every message's handler, from the file named after its prefix (`outcome/log` → outcome-handlers.ts). */
export function createHandlers(
  db: CacheDb,
  scheduler: SyncScheduler,
  onCacheChanged: (changedBy?: ChangedBy) => void,
): Handlers {
  return {
    ...createPanelHandlers(db, scheduler),
    ...createOutcomeHandlers(db, scheduler, onCacheChanged),
    ...createSettingsHandlers(db, scheduler, onCacheChanged),
    ...createConnectionHandlers(db),
    ...createSignInHandlers(db, scheduler, onCacheChanged),
    ...createTabSignInHandlers(db, scheduler, onCacheChanged),
    ...createSiteHandlers(db),
    ...createSyncHandlers(db, scheduler),
    ...createDiagnosticsHandlers(db),
    ...createBookHandlers(db),
    ...createAdminHandlers(db, scheduler),
  };
}
