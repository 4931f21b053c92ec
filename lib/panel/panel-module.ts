import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MessageClient } from '../messages/client.ts';
import type { PanelPrefs } from './panel-prefs.ts';
import type { PanelSession } from './session.ts';

/**
 * The panel (React and everything it renders) is a script of its own that the background injects
 * into a CRM frame only once that frame shows an account. It runs in the same isolated world as the
 * content script and hands itself over through this one global; types only cross the boundary.
 */
export const PANEL_SCRIPT_PATH = '/crm-panel.js';

export interface MountedPanel {
  remove(): void;
}

/** Everything that talks to the browser comes from the content script, so the panel script needs no API of its own. */
export interface PanelMountOptions {
  session: PanelSession;
  request: MessageClient;
  prefs: PanelPrefs;
  savePrefs(change: Partial<PanelPrefs>): void;
}

export interface PanelModule {
  /** Mounts `<goal-lens-panel>` at the end of `document.body` (once the page is parsed); removed again when `ctx` is invalidated. */
  mount(ctx: ContentScriptContext, options: PanelMountOptions): MountedPanel;
}

const GLOBAL_KEY = Symbol.for('goal-lens.panel');
const WAITERS_KEY = Symbol.for('goal-lens.panel-waiters');
type PanelHolder = { [GLOBAL_KEY]?: PanelModule; [WAITERS_KEY]?: ((module: PanelModule) => void)[] };

/** Called by the panel script when it runs; a later injection (an updated extension) replaces it. */
export function registerPanelModule(module: PanelModule): void {
  const holder = globalThis as PanelHolder;
  holder[GLOBAL_KEY] = module;
  const waiters = holder[WAITERS_KEY] ?? [];
  holder[WAITERS_KEY] = [];
  for (const resolve of waiters) resolve(module);
}

export function registeredPanelModule(): PanelModule | undefined {
  return (globalThis as PanelHolder)[GLOBAL_KEY];
}

/**
 * Resolves the moment the panel script has run. The background's reply that it injected the script
 * comes back a round trip later, often behind the page's own work, so the panel need not wait for it.
 */
export function panelModuleRegistered(): Promise<PanelModule> {
  const holder = globalThis as PanelHolder;
  const module = holder[GLOBAL_KEY];
  if (module) return Promise.resolve(module);
  return new Promise((resolve) => {
    holder[WAITERS_KEY] = [...(holder[WAITERS_KEY] ?? []), resolve];
  });
}
