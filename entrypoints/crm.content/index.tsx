import { createRoot, type Root } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PanelApp } from '@/components/PanelApp.tsx';
import panelCss from '@/components/panel.css?inline';
import type { PageFieldSource } from '@/components/usePageCrmTier.ts';
import { type CrmSites, detectAccountPageOn } from '@/lib/crm/custom-domains.ts';
import { CRM_HOST_PATTERNS } from '@/lib/crm/index.ts';
import { readPageField } from '@/lib/crm/read-page-field.ts';
import type { AccountPage } from '@/lib/crm/types.ts';
import { watchPage } from '@/lib/crm/watch-page.ts';
import { createMessageClient } from '@/lib/messages/client.ts';
import { CACHE_CHANGED } from '@/lib/messages/protocol.ts';
import { createPageStore, type PageStore } from '@/lib/panel/page-store.ts';
import { watchCrmSites } from './crm-sites.ts';

const COLLAPSED_KEY = 'panel.collapsed';
/** The CRM tier field's label as the background last said, so a new page reads the right field at once. */
const TIER_LABEL_KEY = 'panel.crmTierLabel';

/** The CRM's own page, read for its tier field; the panel lives in a shadow root this never sees. */
const pageFields: PageFieldSource = {
  read: (crm, label) => readPageField(document, crm, label),
  watch: (onChange) => watchPage(document.documentElement, onChange),
};

async function mountPanel(
  ctx: ContentScriptContext,
  store: PageStore,
): Promise<ShadowRootContentScriptUi<Root>> {
  const request = createMessageClient((message) => browser.runtime.sendMessage(message));
  const stored = await browser.storage.local.get([COLLAPSED_KEY, TIER_LABEL_KEY]);
  const collapsed = Boolean(stored[COLLAPSED_KEY]);
  const tierLabel = typeof stored[TIER_LABEL_KEY] === 'string' ? stored[TIER_LABEL_KEY] : undefined;
  const ui = await createShadowRootUi<Root>(ctx, {
    name: 'goal-lens-panel',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    mode: 'open',
    css: panelCss,
    onMount(container) {
      const root = createRoot(container);
      root.render(
        <PanelApp
          store={store}
          request={request}
          collapsed={collapsed}
          onCollapsedChange={(value) => void browser.storage.local.set({ [COLLAPSED_KEY]: value })}
          fields={pageFields}
          tierLabel={tierLabel}
          onTierLabelChange={(label) => void browser.storage.local.set({ [TIER_LABEL_KEY]: label })}
        />,
      );
      return root;
    },
    onRemove: (root) => root?.unmount(),
  });
  ui.mount();
  return ui;
}

export default defineContentScript({
  matches: [...CRM_HOST_PATTERNS],
  cssInjectionMode: 'manual',
  main(ctx) {
    let store: PageStore | undefined;
    let ui: Promise<ShadowRootContentScriptUi<Root>> | undefined;
    let sites: CrmSites | undefined;

    const follow = (url: string) => {
      // Until the user's CRM choices are read, no page counts as an account page.
      const page: AccountPage | null = sites ? detectAccountPageOn(url, sites) : null;
      if (!page) {
        // Leaving account pages removes every trace of the panel from the CRM's DOM.
        void ui?.then((mounted) => mounted.remove());
        ui = undefined;
        store = undefined;
        return;
      }
      if (store && ui) store.setPage(page);
      else {
        store = createPageStore(page);
        ui = mountPanel(ctx, store);
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
