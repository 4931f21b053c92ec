import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PAGE_SETTINGS_KEY, type PageSettings, readPageSettings } from '@/lib/settings/page-settings.ts';

/**
 * Calls `onChange` with the page settings as the background mirrored them, and again whenever they
 * change: switching a CRM off removes the panel from pages already open, a new tier label is read at once.
 */
export async function watchPageSettings(
  ctx: ContentScriptContext,
  onChange: (settings: PageSettings) => void,
) {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && PAGE_SETTINGS_KEY in changes)
      onChange(readPageSettings(changes[PAGE_SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(listener));
  const stored = await browser.storage.local.get(PAGE_SETTINGS_KEY);
  if (ctx.isValid) onChange(readPageSettings(stored[PAGE_SETTINGS_KEY]));
}
