import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CRM_HOST_PATTERNS, detectAccountPage } from '@/lib/crm/index.ts';
import type { AccountPage } from '@/lib/crm/types.ts';
import { type CrmSites, detectAccountPageOn } from '@/lib/crm-sites/sites.ts';
import { createMessageClient } from '@/lib/messages/client.ts';
import { CACHE_CHANGED } from '@/lib/messages/protocol.ts';
import {
  createPageStore,
  type EarlyAnswer,
  type PageStore,
  trackEarlyAnswer,
} from '@/lib/panel/page-store.ts';
import type { MountedPanel } from '@/lib/panel/panel-module.ts';
import { watchCrmSites } from './crm-sites.ts';
import { createPanelOpener } from './open-panel.ts';

/**
 * Runs on every CRM page from document_start, so it stays small: it follows the URL, and only on an
 * account page asks the background for the answer and for the panel script, both at once.
 */
export default defineContentScript({
  matches: [...CRM_HOST_PATTERNS],
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  main(ctx) {
    const request = createMessageClient((message) => browser.runtime.sendMessage(message));
    const panelOpener = createPanelOpener(ctx, request);
    let store: PageStore | undefined;
    let panel: Promise<MountedPanel | null> | undefined;
    let sites: CrmSites | undefined;

    const ask = (page: AccountPage) =>
      trackEarlyAnswer(request('panel/view', { crm: page.crm, recordId: page.recordId }));

    // While the user's CRM choices are read, a built-in CRM's account page already has its answer
    // and the panel script on their way; only showing the panel waits for the choices (the CRM may
    // be switched off). Custom domains are known only from the choices.
    const guessed = detectAccountPage(location.href);
    let beforeSites: { page: AccountPage; answer: EarlyAnswer } | undefined;
    if (guessed) {
      beforeSites = { page: guessed, answer: ask(guessed) };
      panelOpener.preload();
    }
    const answerFor = (page: AccountPage): EarlyAnswer => {
      const early = beforeSites;
      beforeSites = undefined;
      return early && early.page.crm === page.crm && early.page.recordId === page.recordId
        ? early.answer
        : ask(page);
    };

    const follow = (url: string) => {
      // Until the user's CRM choices are read (a few milliseconds), no page counts as an account page.
      const page = sites ? detectAccountPageOn(url, sites) : null;
      if (!page) {
        if (sites) beforeSites = undefined;
        // Leaving account pages removes every trace of the panel from the CRM's DOM.
        void panel?.then((mounted) => mounted?.remove());
        panel = undefined;
        store = undefined;
        return;
      }
      if (store && panel) {
        const shown = store.get().page;
        if (shown.crm !== page.crm || shown.recordId !== page.recordId) store.setPage(page, ask(page));
      } else {
        store = createPageStore(page, answerFor(page));
        panel = panelOpener.open(store);
      }
    };

    const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      // Only the background (our id, no tab) may tell us the cache changed.
      if (sender.id !== browser.runtime.id || sender.tab) return;
      if ((message as { type?: unknown } | null)?.type === CACHE_CHANGED) store?.refresh();
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    ctx.addEventListener(window, 'wxt:locationchange', (event) => follow(event.newUrl.href));
    void watchCrmSites(ctx, (next) => {
      sites = next;
      follow(location.href);
    });
  },
});
