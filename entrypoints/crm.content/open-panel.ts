import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { AppError } from '@/lib/errors.ts';
import type { MessageClient } from '@/lib/messages/client.ts';
import type { PageStore } from '@/lib/panel/page-store.ts';
import { type MountedPanel, type PanelModule, registeredPanelModule } from '@/lib/panel/panel-module.ts';
import { readPanelPrefs, savePanelPrefs } from '@/lib/panel/panel-prefs.ts';

/** Resolves once the document has a body to mount in; at document_start the parser has not made it yet. */
function bodyReady(ctx: ContentScriptContext): Promise<void> {
  if (document.body) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.body) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document.documentElement, { childList: true });
    ctx.onInvalidated(() => observer.disconnect());
  });
}

/** Has the background inject the panel script into this frame, then takes what it registered. */
async function loadPanelModule(request: MessageClient): Promise<PanelModule> {
  await request('panel/load', {});
  const module = registeredPanelModule();
  if (!module) throw new AppError('panel_missing', 'The Goal Lens panel script did not load.');
  return module;
}

/**
 * Mounts the panel for a store's page. The panel script (injected once per content script, however
 * often the user comes back to an account page), the remembered panel state and the document's body
 * are awaited together, while the store's early answer is already on its way.
 */
export function createPanelOpener(ctx: ContentScriptContext, request: MessageClient) {
  let module: Promise<PanelModule> | undefined;
  return async function openPanel(store: PageStore): Promise<MountedPanel | null> {
    try {
      module ??= loadPanelModule(request);
      const [panel, prefs] = await Promise.all([module, readPanelPrefs(), bodyReady(ctx)]);
      if (ctx.isInvalid) return null;
      return panel.mount(ctx, { store, request, prefs, savePrefs: savePanelPrefs });
    } catch (error) {
      module = undefined;
      // Nothing on the page to show it in: the console is where a broken install is diagnosed.
      console.error('Goal Lens could not open its panel:', error);
      return null;
    }
  };
}
