import { Dexie } from 'dexie';
import { accountIdCandidates } from '../cache/account-blocks.ts';
import { type CacheDb, readKv, writeKv } from '../cache/db.ts';
import type { StagedChanges } from '../cache/rows.ts';
import type { FeedPage } from './feed-pages.ts';
import type { RecordProblem, ValidChange } from './validate-changes.ts';

/**
 * A full resync stores the feed here page by page, beside the cache the panel reads, and moves it
 * into the cache in one transaction at the end. So memory holds a page, not the feed; a worker
 * stopped half-way resumes from the last staged page; and until the switch the panel sees the old
 * cache (or, on a first sync, none).
 *
 * Each page is split by account into `BUCKETS` rows, so that the switch can fill the cache a bucket
 * at a time: each account block is then written once with all its metrics, although metrics arrive
 * pages after their accounts. Changes to other records go to bucket `BUCKETS`.
 */
export const BUCKETS = 32;
const ROWS_BUCKET = BUCKETS;

/** How far a full resync got; stored in the transaction that stages each page. */
export interface StagingState {
  /** The feed's cursor after the last staged page. */
  cursor: string;
  pages: number;
  /** Records of the staged pages that failed validation. */
  problems: RecordProblem[];
}

export const STAGING_KEY = 'sync.staging';

export function readStaging(db: CacheDb): Promise<StagingState | undefined> {
  return readKv<StagingState>(db, STAGING_KEY);
}

/** FNV-1a: cheap, and spreads generated ids evenly. */
function bucketOfAccount(accountId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < accountId.length; i++) {
    hash ^= accountId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % BUCKETS;
}

/**
 * The buckets a change belongs to. A deleted metric's id does not say where its account id ends,
 * so the tombstone goes to every bucket one of its candidate accounts falls in; applied where that
 * account is absent it changes nothing.
 */
function bucketsOf(change: ValidChange): number[] {
  if (change.type === 'account') return [bucketOfAccount(change.id)];
  if (change.type !== 'metric') return [ROWS_BUCKET];
  if (change.op === 'put') return [bucketOfAccount(change.data.accountId)];
  return [...new Set(accountIdCandidates(change.id).map(bucketOfAccount))];
}

/** Stages one page and the cursor after it, together: a page is staged once or not at all. */
export async function stagePage(db: CacheDb, page: FeedPage, state: StagingState | undefined) {
  const rows = new Map<number, ValidChange[]>();
  for (const change of page.valid) {
    for (const bucket of bucketsOf(change)) {
      const changes = rows.get(bucket) ?? [];
      rows.set(bucket, changes);
      changes.push(change);
    }
  }
  const pageNo = state?.pages ?? 0;
  const next: StagingState = {
    cursor: page.cursor,
    pages: pageNo + 1,
    problems: [...(state?.problems ?? []), ...page.problems],
  };
  await db.transaction('rw', [db.stagedChanges, db.kv], async () => {
    await db.stagedChanges.bulkAdd(
      [...rows].map(([bucket, changes]): StagedChanges => ({ bucket, page: pageNo, changes })),
    );
    await writeKv(db, STAGING_KEY, next);
  });
  return next;
}

/**
 * The staged changes, a group at a time, in an order that applies them correctly: one account
 * bucket per group (every change to those accounts and their metrics, in feed order), then the
 * other records a staged page at a time.
 */
export async function* stagedGroups(db: CacheDb): AsyncGenerator<ValidChange[]> {
  for (let bucket = 0; bucket < BUCKETS; bucket++) {
    const rows = await db.stagedChanges
      .where('[bucket+page]')
      .between([bucket, Dexie.minKey], [bucket, Dexie.maxKey])
      .toArray();
    if (rows.length) yield rows.flatMap((row) => row.changes);
  }
  const pages = await db.stagedChanges
    .where('[bucket+page]')
    .between([ROWS_BUCKET, Dexie.minKey], [ROWS_BUCKET, Dexie.maxKey])
    .primaryKeys();
  for (const key of pages) {
    const row = await db.stagedChanges.get(key);
    if (row) yield row.changes;
  }
}

/** Forgets the staged pages; part of any transaction that ends or abandons a full resync. */
export async function dropStaging(db: CacheDb): Promise<void> {
  await db.stagedChanges.clear();
  await db.kv.delete(STAGING_KEY);
}
