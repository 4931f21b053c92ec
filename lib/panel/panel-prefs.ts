import { browser } from 'wxt/browser';

const COLLAPSED_KEY = 'panel.collapsed';
/** The CRM tier field's label as the background last said, so a new page reads the right field at once. */
const TIER_LABEL_KEY = 'panel.crmTierLabel';

/** What the panel remembers per browser profile, kept in extension storage (never in the CRM page). */
export interface PanelPrefs {
  collapsed: boolean;
  tierLabel: string | undefined;
}

export async function readPanelPrefs(): Promise<PanelPrefs> {
  const stored = await browser.storage.local.get([COLLAPSED_KEY, TIER_LABEL_KEY]);
  return {
    collapsed: Boolean(stored[COLLAPSED_KEY]),
    tierLabel: typeof stored[TIER_LABEL_KEY] === 'string' ? stored[TIER_LABEL_KEY] : undefined,
  };
}

export function savePanelPrefs(change: Partial<PanelPrefs>): void {
  void browser.storage.local.set({
    ...(change.collapsed === undefined ? {} : { [COLLAPSED_KEY]: change.collapsed }),
    ...(change.tierLabel === undefined ? {} : { [TIER_LABEL_KEY]: change.tierLabel }),
  });
}
