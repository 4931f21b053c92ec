import type { CacheDb } from '../cache/db.ts';
import type { CrmName } from '../schemas/entities.ts';
import { loadSettings } from '../settings/store.ts';
import { readSyncStatus } from '../sync/engine.ts';
import { buildPanelView } from './build-view.ts';
import { findAccount, type PageIdentity } from './find-account.ts';
import type { PanelAnswer, SyncSummary } from './view-types.ts';

const MAX_PROBLEMS_SHOWN = 5;

/** Data older than two sync intervals means syncing has stopped working, which the user must see. */
function isStale(lastSuccessAt: string | null, intervalMinutes: number, now: Date): boolean {
  if (!lastSuccessAt) return true;
  return now.getTime() - Date.parse(lastSuccessAt) > 2 * intervalMinutes * 60_000;
}

export async function answerPanel(
  db: CacheDb,
  crm: CrmName,
  recordId: string,
  now: Date,
  pageCrmTier?: string,
  page?: PageIdentity,
): Promise<PanelAnswer> {
  const [settings, status, found] = await Promise.all([
    loadSettings(db),
    readSyncStatus(db),
    findAccount(db, crm, recordId, page),
  ]);
  const sync: SyncSummary = {
    lastSuccessAt: status.lastSuccessAt,
    stale: isStale(status.lastSuccessAt, settings.syncIntervalMinutes, now),
    error: status.lastError,
    problems: status.problems.slice(0, MAX_PROBLEMS_SHOWN),
  };
  if (!settings.backendUrl || !settings.token) return { kind: 'not_configured', sync };
  if (found.kind === 'none') return { kind: 'unknown', sync };
  if (found.kind === 'ambiguous') {
    return { kind: 'ambiguous', by: found.by, value: found.value, count: found.count, sync };
  }
  return {
    kind: 'account',
    match: found.match,
    view: await buildPanelView(db, found.account, now, {
      fromPage: pageCrmTier,
      fieldLabel: settings.crmTierLabel,
    }),
    sync,
  };
}
