import type { CacheDb } from '@/lib/cache/db.ts';
import type { Handlers } from '@/lib/messages/router.ts';
import { applyPolicy, toSettingsView } from '@/lib/settings/effective.ts';
import { type LockedSetting, normaliseBackendUrl, normaliseCrmTierLabel } from '@/lib/settings/settings.ts';
import { loadEffectiveSettings, loadUserSettings, saveSettings } from '@/lib/settings/store.ts';
import { resetCache } from '@/lib/sync/engine.ts';
import { reconcileCrmSites } from './crm-sites.ts';
import type { SyncScheduler } from './scheduler.ts';
import { reconcileSignInBridge } from './signin-bridge.ts';

/** The options page's settings. */
export function createSettingsHandlers(
  db: CacheDb,
  scheduler: SyncScheduler,
  onCacheChanged: () => void,
): Pick<Handlers, 'settings/get' | 'settings/save'> {
  return {
    'settings/get': async () => toSettingsView(await loadEffectiveSettings(db)),

    async 'settings/save'(input) {
      const before = await loadEffectiveSettings(db);
      const current = await loadUserSettings(db);
      // What the policy sets stays as the user last chose it, for the day the policy lifts.
      const free = (setting: LockedSetting) => !before.locked.includes(setting);
      const next = {
        ...current,
        backendUrl: free('backendUrl') ? normaliseBackendUrl(input.backendUrl) : current.backendUrl,
        token: free('token') ? input.token?.trim() || current.token : current.token,
        syncIntervalMinutes: free('syncIntervalMinutes')
          ? (input.syncIntervalMinutes ?? current.syncIntervalMinutes)
          : current.syncIntervalMinutes,
        crmTierLabel:
          input.crmTierLabel === undefined ? current.crmTierLabel : normaliseCrmTierLabel(input.crmTierLabel),
      };
      const after = applyPolicy(next, before.policy);
      // Another backend or token may mean another user with other accounts: start from scratch.
      if (
        after.settings.backendUrl !== before.settings.backendUrl ||
        after.settings.token !== before.settings.token
      ) {
        await resetCache(db);
        onCacheChanged();
      }
      await saveSettings(db, next);
      // The sign-in pages follow the backend; a failure here must not undo the save.
      void reconcileSignInBridge(after.settings).catch(() => undefined);
      // Open panels read the label from the mirror and re-read the CRM page with it. The settings are
      // saved either way: a mirror that fails is logged, and written again on the next start.
      if (next.crmTierLabel !== current.crmTierLabel) {
        void reconcileCrmSites(after.settings).catch((error: unknown) =>
          console.error('Goal Lens: page settings', error),
        );
      }
      await scheduler.setInterval(after.settings.syncIntervalMinutes);
      return toSettingsView(after);
    },
  };
}
