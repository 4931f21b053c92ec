import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CRM_HOST_PATTERNS, detectAccountPage } from '@/lib/crm/index.ts';
import { detectAccountPageOn } from '@/lib/crm-sites/sites.ts';
import { createMessageClient } from '@/lib/messages/client.ts';
import { isCacheChanged } from '@/lib/messages/protocol.ts';
import { classifySender, type SenderFacts } from '@/lib/messages/sender.ts';
import type { MountedPanel } from '@/lib/panel/panel-module.ts';
import { createPanelSession, type PanelSession } from '@/lib/panel/session.ts';
import type { PageSettings } from '@/lib/settings/page-settings.ts';
import { createPanelOpener } from './open-panel.ts';
import { watchPageSettings } from './page-settings.ts';

/**
 * Runs on every CRM page from document_start, so it stays small: it follows the URL, and only on an
 * account page starts the panel session (whose first request is the answer) and asks for the panel
 * script, both at once.
 */
export default defineContentScript({
  matches: [...CRM_HOST_PATTERNS],
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  main(ctx) {
    const request = createMessageClient((message) => browser.runtime.sendMessage(message));
    const panelOpener = createPanelOpener(ctx, request);
    let session: PanelSession | undefined;
    let panel: Promise<MountedPanel | null> | undefined;
    let settings: PageSettings | undefined;

    // While the user's settings are read, a built-in CRM's account page already has its answer and
    // the panel script on their way; only showing the panel waits for them (the CRM may be switched
    // off). Custom domains are known only from the settings.
    const guessed = detectAccountPage(location.href);
    if (guessed) {
      session = createPanelSession(request, guessed);
      panelOpener.preload();
    }

    const follow = (url: string) => {
      // Until the user's settings are read (a few milliseconds), no page counts as an account page.
      if (!settings) return;
      const page = detectAccountPageOn(url, settings);
      if (!page) {
        // Leaving account pages removes every trace of the panel from the CRM's DOM.
        void panel?.then((mounted) => mounted?.remove());
        session?.close();
        panel = undefined;
        session = undefined;
        return;
      }
      if (!session) session = createPanelSession(request, page);
      else session.setPage(page);
      session.setTierLabel(settings.crmTierLabel);
      panel ??= panelOpener.open(session);
    };

    const extensionOrigin = browser.runtime.getURL('/');
    const onMessage = (message: unknown, sender: SenderFacts) => {
      // Only Goal Lens itself may tell us the cache changed.
      if (classifySender(sender, browser.runtime.id, extensionOrigin) !== 'extension-page') return;
      if (isCacheChanged(message)) session?.refresh();
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    ctx.addEventListener(window, 'wxt:locationchange', (event) => follow(event.newUrl.href));
    void watchPageSettings(ctx, (next) => {
      settings = next;
      follow(location.href);
    });
  },
});
