import { type BackendClient, BackendError, createBackendClient, type FetchFn } from '../backend/client.ts';
import { countAccounts, openAccountWriter } from '../cache/account-store.ts';
import { type CacheDb, readKv, writeKv } from '../cache/db.ts';
import { explainQuota, isQuotaExceeded } from '../cache/quota.ts';
import { AppError, toErrorInfo } from '../errors.ts';
import { loadSettings } from '../settings/store.ts';
import { rotateSessionIfDue } from '../signin/rotate.ts';
import { applyChanges } from './apply-changes.ts';
import { feedPages } from './feed-pages.ts';
import { CURSOR_KEY, forgetSynced } from './forget-synced.ts';
import { fullResync, resyncUnderWay } from './full-resync.ts';
import { type CacheCounts, INITIAL_SYNC_STATUS, type SyncStatus } from './status.ts';
import { SyncedDataForgotten } from './synced-data-forgotten.ts';
import type { RecordProblem } from './validate-changes.ts';

const STATUS_KEY = 'sync.status';
/** The token's user, remembered so outcomes can be logged offline under the right name. */
export const ME_KEY = 'me';
/** The backend's largest page (ChangesQuery): fewer round trips, and fewer transactions to commit. */
const DEFAULT_PAGE_SIZE = 5000;

interface SyncOptions {
  fetch?: FetchFn;
  pageSize?: number;
  now?: () => Date;
}

interface SyncResult {
  status: SyncStatus;
  /** Whether the cache changed, so open panels should ask again. */
  changed: boolean;
}

const SYNC_REFUSED =
  'the latest data from the backend could not be saved. Unsent outcomes are kept; free up disk space, then choose Sync now.';

/** A status the full disk refused to store, kept here so the error still reaches the user. */
const unsavedStatus = new WeakMap<CacheDb, SyncStatus>();

export async function readSyncStatus(db: CacheDb): Promise<SyncStatus> {
  return unsavedStatus.get(db) ?? (await readKv<SyncStatus>(db, STATUS_KEY)) ?? INITIAL_SYNC_STATUS;
}

export async function writeSyncStatus(db: CacheDb, status: SyncStatus): Promise<void> {
  try {
    await writeKv(db, STATUS_KEY, status);
    unsavedStatus.delete(db);
  } catch (error) {
    if (!isQuotaExceeded(error)) throw error;
    unsavedStatus.set(db, status);
  }
}

async function countCache(db: CacheDb): Promise<CacheCounts> {
  const [{ accounts, metrics }, keyResults, tiers, objectives, users, pendingOutcomes] = await Promise.all([
    countAccounts(db),
    db.keyResults.count(),
    db.tiers.count(),
    db.objectives.count(),
    db.users.count(),
    db.outbox.where('status').equals('pending').count(),
  ]);
  return { accounts, keyResults, metrics, tiers, objectives, users, pendingOutcomes };
}

/** Applies the feed page by page; each page and its cursor are stored in one transaction. */
async function deltaSync(
  db: CacheDb,
  client: BackendClient,
  cursor: string,
  pageSize: number,
  problems: RecordProblem[],
) {
  const writer = await openAccountWriter(db);
  let changed = false;
  // A record refused earlier stays refused (its last good version shown) until a valid version or
  // its deletion arrives: a later sync that brings nothing about it must not forget the problem.
  const previous = (await readSyncStatus(db)).problems;
  const settled = new Set<string>();
  let from = cursor;
  for await (const page of feedPages(client, cursor, pageSize)) {
    problems.push(...page.problems);
    for (const change of page.valid) settled.add(`${change.type}:${change.id}`);
    await db.transaction('rw', [...db.entityTables, db.kv], async () => {
      // Forgetting the synced data drops the cursor: a page must not bring it back over an emptied cache.
      if ((await readKv<string>(db, CURSOR_KEY)) !== from) throw new SyncedDataForgotten();
      if ((await applyChanges(db, page.valid, writer)) > 0) changed = true;
      await writeKv(db, CURSOR_KEY, page.cursor);
    });
    from = page.cursor;
  }
  for (const problem of problems) settled.add(`${problem.type}:${problem.id}`);
  problems.unshift(...previous.filter((problem) => !settled.has(`${problem.type}:${problem.id}`)));
  return changed;
}

async function runSync(db: CacheDb, options: SyncOptions): Promise<SyncResult> {
  const now = options.now ?? (() => new Date());
  const previous = await readSyncStatus(db);
  const attemptAt = now().toISOString();
  await writeSyncStatus(db, { ...previous, state: 'syncing', lastAttemptAt: attemptAt });
  const problems: RecordProblem[] = [];
  try {
    await rotateSessionIfDue(db, now(), options.fetch);
    const settings = await loadSettings(db);
    if (!settings.backendUrl || !settings.token) {
      throw new AppError(
        'not_configured',
        'Goal Lens is not connected yet: enter the backend URL and API token in the options.',
      );
    }
    const client = createBackendClient(settings.backendUrl, settings.token, options.fetch);
    if (!(await readKv(db, ME_KEY))) await writeKv(db, ME_KEY, (await client.me()).user);
    const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    let changed: boolean;
    try {
      // Without a cursor the cache is empty (a first sync) or was partly dropped to make room: either
      // way it is replaced as a whole. A full resync left half-way goes on first.
      const cursor = await readKv<string>(db, CURSOR_KEY);
      changed =
        cursor && !(await resyncUnderWay(db))
          ? await deltaSync(db, client, cursor, pageSize, problems)
          : await fullResync(db, client, pageSize, problems);
    } catch (error) {
      const readAgain =
        (error instanceof BackendError && error.code === 'cursor_expired') ||
        error instanceof SyncedDataForgotten;
      if (!readAgain) throw error;
      problems.length = 0;
      changed = await fullResync(db, client, pageSize, problems);
    }
    const status: SyncStatus = {
      state: 'ok',
      lastAttemptAt: attemptAt,
      lastSuccessAt: now().toISOString(),
      lastError: null,
      problems,
      counts: await countCache(db),
      nextRetryAt: null,
    };
    await writeSyncStatus(db, status);
    return { status, changed: changed || problems.length > 0 || previous.problems.length > 0 };
  } catch (error) {
    const status: SyncStatus = {
      ...previous,
      state: 'error',
      lastAttemptAt: attemptAt,
      lastError: { ...toErrorInfo(explainQuota(error, SYNC_REFUSED)), at: now().toISOString() },
      problems: problems.length ? problems : previous.problems,
      counts: await countCache(db),
      nextRetryAt: null,
    };
    await writeSyncStatus(db, status);
    return { status, changed: true };
  }
}

/** Forgets everything synced and whose it was, e.g. when the token now belongs to someone who may see other accounts. */
export async function resetCache(db: CacheDb): Promise<void> {
  await db.transaction('rw', [...db.entityTables, db.stagedChanges, db.kv], async () => {
    await forgetSynced(db);
    await db.kv.bulkDelete([STATUS_KEY, ME_KEY]);
  });
}

/** One sync at a time: a second request while one runs shares its result. */
export function createSyncEngine(db: CacheDb, options: SyncOptions = {}) {
  let running: Promise<SyncResult> | null = null;
  return {
    lastStatus: () => readSyncStatus(db),
    sync(): Promise<SyncResult> {
      running ??= runSync(db, options).finally(() => {
        running = null;
      });
      return running;
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
