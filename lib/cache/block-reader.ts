import { accountHasKey, type BlockIndex } from './account-blocks.ts';
import type { CacheDb } from './db.ts';
import type { AccountBlock, AccountEntry, CachedAccount, CachedMetric } from './rows.ts';

/** An account with its cached metrics. */
export interface AccountWithMetrics {
  account: CachedAccount;
  metrics: CachedMetric[];
}

function withAccount(entry: AccountEntry | undefined): AccountWithMetrics | undefined {
  return entry?.account ? { account: entry.account, metrics: entry.metrics } : undefined;
}

/** The entry of account `id`, with or without the account itself. */
async function readEntry(db: CacheDb, id: string): Promise<AccountEntry | undefined> {
  const block = await db.accountBlocks.where('ids').equals(id).first();
  return block?.entries.find((entry) => entry.id === id);
}

export async function readAccount(db: CacheDb, id: string): Promise<CachedAccount | undefined> {
  return (await readEntry(db, id))?.account;
}

/** Account `id`'s cached metrics (there may be metrics of an account not synced yet). */
export async function readMetrics(db: CacheDb, id: string): Promise<CachedMetric[]> {
  return (await readEntry(db, id))?.metrics ?? [];
}

/** The accounts `ids` name, in that order, each with its metrics; undefined where none is cached. */
export async function readAccounts(
  db: CacheDb,
  ids: readonly string[],
): Promise<(AccountWithMetrics | undefined)[]> {
  const blockIds = await Promise.all(ids.map((id) => db.accountBlocks.where('ids').equals(id).primaryKeys()));
  const distinct = [...new Set(blockIds.flatMap((keys) => keys.slice(0, 1)))];
  const entries = new Map<string, AccountEntry>();
  for (const block of await db.accountBlocks.bulkGet(distinct)) {
    for (const entry of block?.entries ?? []) entries.set(entry.id, entry);
  }
  return ids.map((id) => withAccount(entries.get(id)));
}

/** The accounts answering to `key` in `index`, read through at most `maxBlocks` blocks. */
export async function findAccounts(
  db: CacheDb,
  index: Exclude<BlockIndex, 'ids'>,
  key: string | number,
  maxBlocks = Number.POSITIVE_INFINITY,
): Promise<CachedAccount[]> {
  const blocks = await db.accountBlocks.where(index).equals(key).limit(maxBlocks).toArray();
  return blocks.flatMap((block) =>
    block.entries.flatMap(({ account }) => (account && accountHasKey(account, index, key) ? [account] : [])),
  );
}

/**
 * Every cached account with its metrics, `blocksPerChunk` blocks at a time, in the order the blocks
 * were written; `beforeRead` is awaited before each read, for a pass that gives way to others.
 */
export async function* accountChunks(
  db: CacheDb,
  blocksPerChunk: number,
  beforeRead?: () => Promise<void>,
): AsyncGenerator<AccountWithMetrics[]> {
  let after: number | null = null;
  for (;;) {
    await beforeRead?.();
    const blocks: AccountBlock[] = await (after === null
      ? db.accountBlocks.orderBy(':id')
      : db.accountBlocks.where(':id').above(after)
    )
      .limit(blocksPerChunk)
      .toArray();
    const last = blocks.at(-1);
    if (!last) return;
    yield blocks.flatMap((block) => block.entries.flatMap((entry) => withAccount(entry) ?? []));
    if (blocks.length < blocksPerChunk) return;
    after = last.id;
  }
}

/** How many accounts and metrics the cache holds, by reading every block. */
export async function countAccountsAndMetrics(db: CacheDb): Promise<{ accounts: number; metrics: number }> {
  let accounts = 0;
  let metrics = 0;
  await db.accountBlocks.each((block) => {
    for (const entry of block.entries) {
      if (entry.account) accounts++;
      metrics += entry.metrics.length;
    }
  });
  return { accounts, metrics };
}
