import { type Account, accountIdCandidates, type Metric, metricId } from '../schemas/entities.ts';
import { BLOCK_SIZE, toBlock } from './account-blocks.ts';
import {
  type AccountWithMetrics,
  accountChunks as blockChunks,
  countAccountsAndMetrics,
} from './block-reader.ts';
import { type BlockPlacement, createPlacement, writeAccountChanges } from './block-writer.ts';
import { type CacheDb, readKv, writeKv } from './db.ts';
import { type CachedMetric, toCachedAccount } from './rows.ts';

// The one way the rest of the extension reads and writes accounts and their metrics. How they are
// laid out (blocks of entries with multi-entry indexes, see `account-blocks.ts`) and how many there are
// stays in here.

export { findAccounts, readAccount, readAccounts, readMetrics } from './block-reader.ts';
export type { AccountWithMetrics };

/** How many accounts and metrics the cache holds. */
interface AccountCounts {
  accounts: number;
  metrics: number;
}

/**
 * Counting means reading every block, so the counts are kept up to date by each write, in its
 * transaction. The key's name predates the blocks; installed caches keep theirs.
 */
export const ACCOUNT_COUNTS_KEY = 'sync.tableSizes';

/** The stored counts, or counted (and stored) when unknown. */
export async function countAccounts(db: CacheDb): Promise<AccountCounts> {
  const stored = await readKv<AccountCounts>(db, ACCOUNT_COUNTS_KEY);
  if (stored) return stored;
  return db.transaction('rw', [db.accountBlocks, db.kv], async () => {
    const counted = await countAccountsAndMetrics(db);
    await writeKv(db, ACCOUNT_COUNTS_KEY, counted);
    return counted;
  });
}

/**
 * What a run of writes (a sync) remembers between its transactions: where each account's block is
 * and the counts. Only valid while every write it made committed: a sync that fails drops it.
 */
export interface AccountWriter {
  placement: BlockPlacement;
  counts: AccountCounts;
}

export async function openAccountWriter(db: CacheDb): Promise<AccountWriter> {
  const placement = await createPlacement(db);
  const empty = placement.last === null;
  return { placement, counts: empty ? { accounts: 0, metrics: 0 } : await countAccounts(db) };
}

/** Account and metric changes as they arrive (a cached row is also taken: it is mapped again the same way). */
interface AccountWrites {
  accountPuts: Account[];
  accountDeletes: string[];
  metricPuts: Metric[];
  /** Metric ids (`<accountId>:<key>`). */
  metricDeletes: string[];
}

/** Must run inside a read-write transaction over `accountBlocks` and `kv`. */
export async function writeAccounts(
  db: CacheDb,
  writer: AccountWriter,
  writes: AccountWrites,
): Promise<void> {
  const delta = await writeAccountChanges(
    db,
    {
      accountPuts: writes.accountPuts.map(toCachedAccount),
      accountDeletes: writes.accountDeletes,
      metricPuts: writes.metricPuts.map((metric) => ({ ...metric, id: metricId(metric) })),
      metricDeletes: writes.metricDeletes,
    },
    writer.placement,
  );
  writer.counts = {
    accounts: writer.counts.accounts + delta.accounts,
    metrics: writer.counts.metrics + delta.metrics,
  };
  await writeKv(db, ACCOUNT_COUNTS_KEY, writer.counts);
}

/** The cached metric `id` (`<accountId>:<key>`), if any. */
export async function readMetric(db: CacheDb, id: string): Promise<CachedMetric | undefined> {
  const byAccount = await Promise.all(
    accountIdCandidates(id).map((accountId) => db.accountBlocks.where('ids').equals(accountId).first()),
  );
  for (const block of byAccount) {
    for (const entry of block?.entries ?? []) {
      const metric = entry.metrics.find((m) => metricId(m) === id);
      if (metric) return metric;
    }
  }
  return undefined;
}

/**
 * Every cached account with its metrics, about `accountsPerChunk` at a time, in the order they were
 * written; `beforeRead` is awaited before each read, for a pass that gives way to others.
 */
export function accountChunks(
  db: CacheDb,
  accountsPerChunk: number,
  beforeRead?: () => Promise<void>,
): AsyncGenerator<AccountWithMetrics[]> {
  return blockChunks(db, Math.ceil(accountsPerChunk / BLOCK_SIZE), beforeRead);
}

/** Forgets every account and metric. Inside a read-write transaction over `accountBlocks` and `kv`. */
export async function clearAccounts(db: CacheDb): Promise<void> {
  await db.accountBlocks.clear();
  await db.kv.delete(ACCOUNT_COUNTS_KEY);
}

/**
 * Forgets every metric and keeps the accounts: metrics with their histories are the bulk of the
 * cache, and the panel still shows an account, its tier and key results without them. Inside a
 * read-write transaction over `accountBlocks` and `kv`.
 */
export async function clearMetrics(db: CacheDb): Promise<void> {
  await db.accountBlocks.toCollection().modify((block, cursor) => {
    const entries = block.entries.flatMap((entry) => (entry.account ? [{ ...entry, metrics: [] }] : []));
    cursor.value = toBlock(block.id, entries);
  });
  await db.accountBlocks.filter((block) => block.entries.length === 0).delete();
  await db.kv.delete(ACCOUNT_COUNTS_KEY);
}
