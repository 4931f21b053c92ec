import { browser } from 'wxt/browser';
import type { CacheDb } from '@/lib/cache/db.ts';
import { AppError } from '@/lib/errors.ts';
import type { Handlers } from '@/lib/messages/router.ts';
import { answerPanel } from '@/lib/panel/answer.ts';
import { PANEL_SCRIPT_PATH } from '@/lib/panel/panel-module.ts';
import { revalidateIfStale } from './revalidate.ts';
import type { SyncScheduler } from './scheduler.ts';

/**
 * The panel's answer for a CRM record (weighing what the page shows of it), and the panel script.
 *
 * The panel script goes only into the frame that asked, and only once it shows an account: every other
 * CRM page keeps just the small content script. Injecting from here (rather than an import() from the
 * page) needs no web-accessible resource, so it works the same on custom domains added at runtime.
 */
export function createPanelHandlers(
  db: CacheDb,
  scheduler: SyncScheduler,
): Pick<Handlers, 'panel/view' | 'panel/load'> {
  return {
    async 'panel/view'({ crm, recordId, pageCrmTier, pageName, pageDomain }) {
      const answer = await answerPanel(db, crm, recordId, new Date(), pageCrmTier, {
        ...(pageName ? { name: pageName } : {}),
        ...(pageDomain ? { domain: pageDomain } : {}),
      });
      // Stale-while-revalidate (SPEC §11): the cache answers now, a sync follows when it is old.
      void revalidateIfStale(db, scheduler).catch((error: unknown) =>
        console.error('Goal Lens: revalidating', error),
      );
      return answer;
    },

    async 'panel/load'(_payload, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined || sender.frameId === undefined) {
        throw new AppError('forbidden_sender', 'Only a CRM page can load the Goal Lens panel.');
      }
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [sender.frameId] },
        files: [PANEL_SCRIPT_PATH],
        // By default the browser holds the injection until the page is idle; the panel should not wait.
        injectImmediately: true,
      });
      return {};
    },
  };
}
