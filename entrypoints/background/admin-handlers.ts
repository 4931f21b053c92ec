import { callAdminApi } from '@/lib/backend/admin-call.ts';
import type { CacheDb } from '@/lib/cache/db.ts';
import { AppError } from '@/lib/errors.ts';
import type { Handlers } from '@/lib/messages/router.ts';
import { loadEffectiveSettings } from '@/lib/settings/store.ts';
import type { SyncScheduler } from './scheduler.ts';

/** The admin workspace's one way to the backend: this background holds the token and the network. */
export function createAdminHandlers(db: CacheDb, scheduler: SyncScheduler): Pick<Handlers, 'admin/call'> {
  return {
    async 'admin/call'(request) {
      const { settings } = await loadEffectiveSettings(db);
      if (!settings.backendUrl || !settings.token) {
        throw new AppError('not_signed_in', 'Sign in on the options page first.');
      }
      const answer = await callAdminApi(settings.backendUrl, settings.token, request);
      // A saved change reaches the panels through the feed: pull it now rather than at the next tick.
      if (request.method !== 'GET' && answer.status < 300 && request.query?.dryRun !== 'true') {
        void scheduler.run();
      }
      return answer;
    },
  };
}
