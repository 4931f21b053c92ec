import type { CacheDb } from '../cache/db.ts';
import type { CrmName } from '../schemas/entities.ts';
import type { PolicyState } from '../settings/policy.ts';
import { currentPolicy } from '../settings/policy-source.ts';
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

/**
 * The answer for a CRM record, read in one read-only transaction over what it needs: the panel's
 * hot path pays for one transaction rather than one per read, and never sees a sync half-applied.
 */
export async function answerPanel(
  db: CacheDb,
  crm: CrmName,
  recordId: string,
  now: Date,
  pageCrmTier?: string,
  page?: PageIdentity,
): Promise<PanelAnswer> {
  // Read before the transaction: managed storage is not IndexedDB, and awaiting it inside would end it.
  const policy = await currentPolicy();
  return db.transaction(
    'r',
    [
      db.kv,
      db.accountBlocks,
      db.tiers,
      db.users,
      db.keyResults,
      db.objectives,
      db.metricDefinitions,
      db.outbox,
      db.outcomes,
    ],
    () => answerInTransaction(db, crm, recordId, now, policy, pageCrmTier, page),
  );
}

async function answerInTransaction(
  db: CacheDb,
  crm: CrmName,
  recordId: string,
  now: Date,
  policy: PolicyState,
  pageCrmTier?: string,
  page?: PageIdentity,
): Promise<PanelAnswer> {
  const [settings, status, found] = await Promise.all([
    loadSettings(db, policy),
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
