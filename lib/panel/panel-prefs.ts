import { browser } from 'wxt/browser';

const COLLAPSED_KEY = 'panel.collapsed';

/** What the panel remembers per browser profile, kept in extension storage (never in the CRM page). */
export interface PanelPrefs {
  collapsed: boolean;
}

export async function readPanelPrefs(): Promise<PanelPrefs> {
  const stored = await browser.storage.local.get(COLLAPSED_KEY);
  return { collapsed: Boolean(stored[COLLAPSED_KEY]) };
}

export function savePanelPrefs(change: Partial<PanelPrefs>): void {
  if (change.collapsed !== undefined) void browser.storage.local.set({ [COLLAPSED_KEY]: change.collapsed });
}
