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
 * Mounts the panel for `store`'s page. The panel script, the remembered panel state and the document's
 * body are awaited together, while the store's early answer is already on its way.
 */
export async function openPanel(
  ctx: ContentScriptContext,
  store: PageStore,
  request: MessageClient,
): Promise<MountedPanel | null> {
  try {
    const [module, prefs] = await Promise.all([loadPanelModule(request), readPanelPrefs(), bodyReady(ctx)]);
    if (ctx.isInvalid) return null;
    return module.mount(ctx, { store, request, prefs, savePrefs: savePanelPrefs });
  } catch (error) {
    // Nothing on the page to show it in: the console is where a broken install is diagnosed.
    console.error('Goal Lens could not open its panel:', error);
    return null;
  }
}
