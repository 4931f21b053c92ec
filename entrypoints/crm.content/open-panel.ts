import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { AppError } from '@/lib/errors.ts';
import type { MessageClient } from '@/lib/messages/client.ts';
import {
  type MountedPanel,
  type PanelModule,
  panelModuleRegistered,
  registeredPanelModule,
} from '@/lib/panel/panel-module.ts';
import { readPanelPrefs, savePanelPrefs } from '@/lib/panel/panel-prefs.ts';
import type { PanelSession } from '@/lib/panel/session.ts';

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

/** How long a panel waits for its early answer before it shows its loading state instead. */
const EARLY_ANSWER_WAIT_MS = 250;

/**
 * Resolves once the session's first answer arrived or failed, or after EARLY_ANSWER_WAIT_MS: a panel
 * mounted with its answer settled renders it in its first commit, instead of a loading frame and then
 * a second render that the page's own work can hold up.
 */
function firstAnswerSettled(ctx: ContentScriptContext, session: PanelSession): Promise<void> {
  if (session.get().state.status !== 'loading') return Promise.resolve();
  return new Promise((resolve) => {
    const stop = session.subscribe(() => {
      if (session.get().state.status === 'loading') return;
      stop();
      resolve();
    });
    ctx.setTimeout(() => {
      stop();
      resolve();
    }, EARLY_ANSWER_WAIT_MS);
  });
}

/**
 * Has the background inject the panel script into this frame, and takes what it registers as soon as
 * it has run; the background's reply still decides when the injection failed.
 */
function loadPanelModule(request: MessageClient): Promise<PanelModule> {
  const injected = request('panel/load', {}).then(() => {
    const module = registeredPanelModule();
    if (!module) throw new AppError('panel_missing', 'The Goal Lens panel script did not load.');
    return module;
  });
  return Promise.race([panelModuleRegistered(), injected]);
}

/**
 * Mounts the panel for a session's page. The panel script (injected once per content script, however
 * often the user comes back to an account page), the remembered panel state and the document's body
 * are awaited together, while the session's first answer is already on its way. The script can be
 * asked for before it is known whether a panel will open.
 */
export function createPanelOpener(ctx: ContentScriptContext, request: MessageClient) {
  let module: Promise<PanelModule> | undefined;
  const load = (): Promise<PanelModule> => {
    if (module) return module;
    const loading = loadPanelModule(request);
    module = loading;
    // A failed injection is tried again by the next panel that opens.
    loading.catch(() => {
      if (module === loading) module = undefined;
    });
    return loading;
  };
  return {
    /** Starts loading the panel script, which adds nothing to the page's DOM, for a panel that may open. */
    preload(): void {
      void load().catch(() => undefined);
    },
    async open(session: PanelSession): Promise<MountedPanel | null> {
      try {
        const [panel, prefs] = await Promise.all([
          load(),
          readPanelPrefs(),
          bodyReady(ctx),
          firstAnswerSettled(ctx, session),
        ]);
        if (ctx.isInvalid) return null;
        return panel.mount(ctx, { session, request, prefs, savePrefs: savePanelPrefs });
      } catch (error) {
        // Nothing on the page to show it in: the console is where a broken install is diagnosed.
        console.error('Goal Lens could not open its panel:', error);
        return null;
      }
    },
  };
}
