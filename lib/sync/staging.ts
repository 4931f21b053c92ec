import { Dexie } from 'dexie';
import { type CacheDb, readKv, writeKv } from '../cache/db.ts';
import type { StagedChanges } from '../cache/rows.ts';
import { accountIdCandidates } from '../schemas/entities.ts';
import type { FeedPage } from './feed-pages.ts';
import { SyncedDataForgotten } from './synced-data-forgotten.ts';
import type { RecordProblem, ValidChange } from './validate-changes.ts';

/**
 * A full resync stores the feed here page by page, beside the cache the panel reads, and moves it
 * into the cache in one transaction at the end. So memory holds a page, not the feed; a worker
 * stopped half-way resumes from the last staged page; and until the switch the panel sees the old
 * cache (or, on a first sync, none).
 *
 * Each page is split into bucket rows by account, in the order accounts first appear in the feed:
 * bucket n holds every change to the n-th `ACCOUNTS_PER_BUCKET` accounts and their metrics, although
 * metrics arrive pages after their accounts. The switch fills the cache a bucket at a time, so each
 * account block is written once with all its metrics, and accounts that arrive together share
 * blocks, as they do after a delta sync: a later change to a run of them rewrites a few blocks, not
 * one block per account. Changes to other records go to `ROWS_BUCKET`; each page's newly met account
 * ids go to `IDS_BUCKET`, from which a resumed resync learns the buckets again.
 */
export const ACCOUNTS_PER_BUCKET = 2_000;
const ROWS_BUCKET = -1;
const IDS_BUCKET = -2;

/** How far a full resync got; stored in the transaction that stages each page. */
export interface StagingState {
  /** The feed's cursor after the last staged page. */
  cursor: string;
  pages: number;
  /** How many account ids the staged pages met (each has its place in the bucket order). */
  accounts: number;
  /** Records of the staged pages that failed validation. */
  problems: RecordProblem[];
}

const STAGING_KEY = 'sync.staging';

/** Staging left by a version that bucketed accounts another way cannot be resumed; it is read again. */
function isCurrent(state: StagingState | undefined): state is StagingState {
  return typeof state?.accounts === 'number';
}

export async function readStaging(db: CacheDb): Promise<StagingState | undefined> {
  return readKv<StagingState>(db, STAGING_KEY);
}

/** Each account id's place in the order the feed first named it; rebuilt from the staged ids on resume. */
export class AccountOrder {
  private readonly ordinal = new Map<string, number>();
  /** Ids met since the last `takeNew`, in order. */
  private fresh: string[] = [];

  get size(): number {
    return this.ordinal.size;
  }

  bucketOf(accountId: string): number {
    let at = this.ordinal.get(accountId);
    if (at === undefined) {
      at = this.ordinal.size;
      this.ordinal.set(accountId, at);
      this.fresh.push(accountId);
    }
    return Math.floor(at / ACCOUNTS_PER_BUCKET);
  }

  /** The bucket of an account already met; an id the feed has not named gets no place. */
  bucketIfMet(accountId: string): number | undefined {
    const at = this.ordinal.get(accountId);
    return at === undefined ? undefined : Math.floor(at / ACCOUNTS_PER_BUCKET);
  }

  takeNew(): string[] {
    const taken = this.fresh;
    this.fresh = [];
    return taken;
  }

  static async read(db: CacheDb): Promise<AccountOrder> {
    const order = new AccountOrder();
    const rows = await db.stagedChanges
      .where('[bucket+page]')
      .between([IDS_BUCKET, Dexie.minKey], [IDS_BUCKET, Dexie.maxKey])
      .toArray();
    for (const row of rows) for (const id of row.ids ?? []) order.bucketOf(id);
    order.takeNew();
    return order;
  }
}

/**
 * The buckets a change belongs to. A deleted metric's id does not say where its account id ends,
 * so the tombstone goes to the bucket of each candidate account the feed has named (applied where
 * that account is absent it changes nothing); a candidate never named holds nothing to delete, since
 * the switch starts from empty tables, and is not given a place in the order.
 */
function bucketsOf(change: ValidChange, order: AccountOrder): number[] {
  if (change.type === 'account') return [order.bucketOf(change.id)];
  if (change.type !== 'metric') return [ROWS_BUCKET];
  if (change.op === 'put') return [order.bucketOf(change.data.accountId)];
  return [
    ...new Set(
      accountIdCandidates(change.id).flatMap((id) => {
        const bucket = order.bucketIfMet(id);
        return bucket === undefined ? [] : [bucket];
      }),
    ),
  ];
}

/**
 * Where a full resync goes on from: the staged state and account order, or nothing (dropped) when
 * there is none or it cannot be resumed.
 */
export async function resumeStaging(
  db: CacheDb,
): Promise<{ state: StagingState; order: AccountOrder } | undefined> {
  const state = await readStaging(db);
  if (state === undefined) return undefined;
  if (isCurrent(state)) {
    const order = await AccountOrder.read(db);
    if (order.size === state.accounts) return { state, order };
  }
  await db.transaction('rw', [db.stagedChanges, db.kv], () => dropStaging(db));
  return undefined;
}

/**
 * Staging dropped since `state` was read (the synced data was forgotten to make room, or for another
 * user) must not be built on: the pages staged before are gone. Inside a transaction over `kv`.
 */
export async function refuseIfDropped(db: CacheDb, state: StagingState | undefined): Promise<void> {
  if ((await readStaging(db))?.cursor !== state?.cursor) throw new SyncedDataForgotten();
}

/** Stages one page and the cursor after it, together: a page is staged once or not at all. */
export async function stagePage(
  db: CacheDb,
  page: FeedPage,
  state: StagingState | undefined,
  order: AccountOrder,
): Promise<StagingState> {
  const rows = new Map<number, ValidChange[]>();
  for (const change of page.valid) {
    for (const bucket of bucketsOf(change, order)) {
      const changes = rows.get(bucket) ?? [];
      rows.set(bucket, changes);
      changes.push(change);
    }
  }
  const pageNo = state?.pages ?? 0;
  const ids = order.takeNew();
  const next: StagingState = {
    cursor: page.cursor,
    pages: pageNo + 1,
    accounts: order.size,
    problems: [...(state?.problems ?? []), ...page.problems],
  };
  const staged: StagedChanges[] = [...rows].map(([bucket, changes]) => ({ bucket, page: pageNo, changes }));
  if (ids.length > 0) staged.push({ bucket: IDS_BUCKET, page: pageNo, changes: [], ids });
  await db.transaction('rw', [db.stagedChanges, db.kv], async () => {
    await refuseIfDropped(db, state);
    await db.stagedChanges.bulkAdd(staged);
    await writeKv(db, STAGING_KEY, next);
  });
  return next;
}

/**
 * The staged changes, a group at a time, in an order that applies them correctly: one account
 * bucket per group (every change to those accounts and their metrics, in feed order), then the
 * other records a staged page at a time.
 */
export async function* stagedGroups(db: CacheDb, state: StagingState): AsyncGenerator<ValidChange[]> {
  const buckets = Math.ceil(state.accounts / ACCOUNTS_PER_BUCKET);
  for (let bucket = 0; bucket < buckets; bucket++) {
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
