import { browser } from 'wxt/browser';
import { cacheChangedMessage } from '@/lib/messages/protocol.ts';
import type { SenderFacts } from '@/lib/messages/sender.ts';

/** The CRM page whose own request changed the cache: its panel asks again when answered, unprompted. */
export interface ChangedBy {
  tabId: number;
}

/**
 * The content script runs in a tab's top frame only, so a change asked for from a top frame is one
 * tab's own: telling that tab too would make its panel ask (and render) a second time per click.
 */
export function changedByOf(sender: SenderFacts): ChangedBy | undefined {
  const tabId = sender.tab?.id;
  return tabId !== undefined && sender.frameId === 0 ? { tabId } : undefined;
}

/** The tabs to tell that the cache changed. */
export function tabsToTell(tabs: readonly { id?: number }[], changedBy?: ChangedBy): number[] {
  return tabs.flatMap((tab) => (tab.id === undefined || tab.id === changedBy?.tabId ? [] : [tab.id]));
}

/** Tells every tab but the one that made the change; tabs without our content script have no receiver. */
export async function broadcastCacheChanged(changedBy?: ChangedBy): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabsToTell(tabs, changedBy).map((tabId) =>
      browser.tabs.sendMessage(tabId, cacheChangedMessage()).catch(() => undefined),
    ),
  );
}
