import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CRM_SITES_KEY, type CrmSites, readCrmSites } from '@/lib/crm-sites/sites.ts';

/**
 * Calls `onChange` with the CRMs switched on and the custom domains, as the background mirrored them,
 * and again whenever they change: switching a CRM off removes the panel from pages already open.
 */
export async function watchCrmSites(ctx: ContentScriptContext, onChange: (sites: CrmSites) => void) {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && CRM_SITES_KEY in changes)
      onChange(readCrmSites(changes[CRM_SITES_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(listener));
  const stored = await browser.storage.local.get(CRM_SITES_KEY);
  if (ctx.isValid) onChange(readCrmSites(stored[CRM_SITES_KEY]));
}
