import { browser } from 'wxt/browser';
import type { CacheDb } from '@/lib/cache/db.ts';
import { forgetPolicy, setPolicySource } from '@/lib/settings/policy-source.ts';
import { loadEffectiveSettings, settingsChanged } from '@/lib/settings/store.ts';
import { resetCache } from '@/lib/sync/engine.ts';
import { reconcileCrmSites } from './crm-sites.ts';
import type { SyncScheduler } from './scheduler.ts';
import { reconcileSignInBridge } from './signin-bridge.ts';

/**
 * Reads the administrator's policy from managed storage, and applies a policy pushed while the browser
 * runs at once: another backend or token starts the cache afresh, sites and interval follow.
 */
export function watchPolicy(db: CacheDb, scheduler: SyncScheduler, onCacheChanged: () => void): void {
  setPolicySource(() => browser.storage.managed.get());
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'managed') return;
    void (async () => {
      const before = await loadEffectiveSettings(db);
      forgetPolicy();
      const after = await loadEffectiveSettings(db);
      settingsChanged();
      await reconcileCrmSites(after.settings);
      await reconcileSignInBridge(after.settings);
      if (after.settings.syncIntervalMinutes !== before.settings.syncIntervalMinutes) {
        await scheduler.setInterval(after.settings.syncIntervalMinutes);
      }
      if (
        after.settings.backendUrl !== before.settings.backendUrl ||
        after.settings.token !== before.settings.token
      ) {
        await resetCache(db);
        onCacheChanged();
        await scheduler.run();
      }
    })();
  });
}

/** A host permission granted or revoked outside the options page (the browser's extension page). */
export function watchPermissions(db: CacheDb): void {
  const reconcile = () =>
    void loadEffectiveSettings(db).then(async ({ settings }) => {
      await reconcileCrmSites(settings);
      await reconcileSignInBridge(settings);
    });
  browser.permissions.onAdded.addListener(reconcile);
  browser.permissions.onRemoved.addListener(reconcile);
}
