import { createBackendClient } from '@/lib/backend/client.ts';
import type { CacheDb } from '@/lib/cache/db.ts';
import { readSelectorDiagnostics, recordSelectorReport } from '@/lib/diagnostics/selector-store.ts';
import { AppError } from '@/lib/errors.ts';
import type { Handlers } from '@/lib/messages/router.ts';
import { answerPanel } from '@/lib/panel/answer.ts';
import { applyPolicy, toSettingsView } from '@/lib/settings/effective.ts';
import { type LockedSetting, normaliseBackendUrl, normaliseCrmTierLabel } from '@/lib/settings/settings.ts';
import { loadEffectiveSettings, loadUserSettings, saveSettings } from '@/lib/settings/store.ts';
import { readSyncStatus, resetCache } from '@/lib/sync/engine.ts';
import { createLeadHandlers } from './book-handlers.ts';
import { reconcileCrmSites } from './crm-sites.ts';
import { createSiteHandlers } from './crm-sites-handlers.ts';
import { createOutcomeHandlers } from './outcome-handlers.ts';
import { createPanelHandlers } from './panel-handlers.ts';
import type { SyncScheduler } from './scheduler.ts';
import { createSignInHandlers } from './signin-handlers.ts';

export function createHandlers(db: CacheDb, scheduler: SyncScheduler, onCacheChanged: () => void): Handlers {
  return {
    ...createOutcomeHandlers(db, scheduler, onCacheChanged),
    ...createLeadHandlers(db),
    ...createSiteHandlers(db),
    ...createPanelHandlers(),
    ...createSignInHandlers(db, scheduler, onCacheChanged),
    'panel/view': ({ crm, recordId, pageCrmTier, pageName, pageDomain }) =>
      answerPanel(db, crm, recordId, new Date(), pageCrmTier, {
        ...(pageName ? { name: pageName } : {}),
        ...(pageDomain ? { domain: pageDomain } : {}),
      }),

    async 'diagnostics/report'(report) {
      await recordSelectorReport(db, report, new Date());
      return {};
    },

    'diagnostics/get': () => readSelectorDiagnostics(db),

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
      // Open panels read the label from the mirror and re-read the CRM page with it.
      if (next.crmTierLabel !== current.crmTierLabel) await reconcileCrmSites(after.settings);
      await scheduler.setInterval(after.settings.syncIntervalMinutes);
      return toSettingsView(after);
    },

    async 'connection/test'(input) {
      const { settings: saved, locked } = await loadEffectiveSettings(db);
      const backendUrl =
        input.backendUrl && !locked.includes('backendUrl')
          ? normaliseBackendUrl(input.backendUrl)
          : saved.backendUrl;
      const token = (!locked.includes('token') && input.token?.trim()) || saved.token;
      if (!backendUrl) throw new AppError('invalid_backend_url', 'Enter the backend URL first.');
      if (!token) throw new AppError('missing_token', 'Enter your API token first.');
      return createBackendClient(backendUrl, token).me();
    },

    'sync/now': () => scheduler.run(),

    'sync/status': () => readSyncStatus(db),
  };
}
