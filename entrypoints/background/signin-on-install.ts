import { browser } from 'wxt/browser';
import type { CacheDb } from '@/lib/cache/db.ts';
import { loadEffectiveSettings } from '@/lib/settings/store.ts';

/**
 * A rolled-out extension asks a person for nothing but their company login: when the policy presets
 * the backend and asks for it, the options page opens and starts "Sign in" (it needs a page the person
 * sees, for the sign-in window to belong to).
 */
export async function signInOnInstall(db: CacheDb): Promise<void> {
  const { settings, policy } = await loadEffectiveSettings(db);
  if (!policy.policy.signInOnInstall || !policy.policy.backendUrl || settings.token) return;
  await browser.tabs.create({ url: browser.runtime.getURL('/options.html#signin') });
}
