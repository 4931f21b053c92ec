import { createBackendClient } from '@/lib/backend/client.ts';
import type { CacheDb } from '@/lib/cache/db.ts';
import { readSelectorDiagnostics, recordSelectorReport } from '@/lib/diagnostics/selector-store.ts';
import { AppError } from '@/lib/errors.ts';
import type { Handlers } from '@/lib/messages/router.ts';
import { answerPanel } from '@/lib/panel/answer.ts';
import { normaliseBackendUrl, normaliseCrmTierLabel, toSettingsView } from '@/lib/settings/settings.ts';
import { loadSettings, saveSettings } from '@/lib/settings/store.ts';
import { readSyncStatus, resetCache } from '@/lib/sync/engine.ts';
import { createLeadHandlers } from './lead-handlers.ts';
import { createOutcomeHandlers } from './outcome-handlers.ts';
import { createPanelHandlers } from './panel-handlers.ts';
import type { SyncScheduler } from './scheduler.ts';

export function createHandlers(db: CacheDb, scheduler: SyncScheduler, onCacheChanged: () => void): Handlers {
  return {
    ...createOutcomeHandlers(db, scheduler, onCacheChanged),
    ...createLeadHandlers(db),
    ...createPanelHandlers(),
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

    'settings/get': async () => toSettingsView(await loadSettings(db)),

    async 'settings/save'(input) {
      const current = await loadSettings(db);
      const backendUrl = normaliseBackendUrl(input.backendUrl);
      const token = input.token?.trim() || current.token;
      const next = {
        ...current,
        backendUrl,
        token,
        syncIntervalMinutes: input.syncIntervalMinutes ?? current.syncIntervalMinutes,
        crmTierLabel:
          input.crmTierLabel === undefined ? current.crmTierLabel : normaliseCrmTierLabel(input.crmTierLabel),
      };
      // Another backend or token may mean another user with other accounts: start from scratch.
      if (backendUrl !== current.backendUrl || token !== current.token) {
        await resetCache(db);
        onCacheChanged();
      }
      await saveSettings(db, next);
      // Open panels re-read the CRM page with the new label.
      if (next.crmTierLabel !== current.crmTierLabel) onCacheChanged();
      await scheduler.setInterval(next.syncIntervalMinutes);
      return toSettingsView(next);
    },

    async 'connection/test'(input) {
      const saved = await loadSettings(db);
      const backendUrl = input.backendUrl ? normaliseBackendUrl(input.backendUrl) : saved.backendUrl;
      const token = input.token?.trim() || saved.token;
      if (!backendUrl) throw new AppError('invalid_backend_url', 'Enter the backend URL first.');
      if (!token) throw new AppError('missing_token', 'Enter your API token first.');
      return createBackendClient(backendUrl, token).me();
    },

    'sync/now': () => scheduler.run(),

    'sync/status': () => readSyncStatus(db),
  };
}
