import { accountIdCandidates, metricId } from '../schemas/entities.ts';
import { BLOCK_SIZE, toBlock } from './account-blocks.ts';
import type { CacheDb } from './db.ts';
import type { AccountBlock, AccountEntry, CachedAccount, CachedMetric } from './rows.ts';

export interface AccountChanges {
  accountPuts: CachedAccount[];
  accountDeletes: string[];
  metricPuts: CachedMetric[];
  /** Metric ids (`<accountId>:<key>`). */
  metricDeletes: string[];
}

/** How many accounts and metrics the cache gained (negative: lost). */
export interface SizeDelta {
  accounts: number;
  metrics: number;
}

/**
 * Which block holds each account, remembered across the pages of one sync. When the cache had no
 * block at the start, what it remembers is all there is, so a first sync never looks an account up;
 * otherwise an account it has not met is looked up through the `ids` index. Only valid while every
 * write it saw committed: a sync that fails drops it.
 */
export interface BlockPlacement {
  blockOf: Map<string, number>;
  complete: boolean;
  /** The highest block id in use, and how many entries that block holds. */
  last: { id: number; size: number } | null;
}

export async function createPlacement(db: CacheDb): Promise<BlockPlacement> {
  const last = await db.accountBlocks.orderBy(':id').last();
  return {
    blockOf: new Map(),
    complete: !last,
    last: last ? { id: last.id, size: last.entries.length } : null,
  };
}

async function locate(db: CacheDb, placement: BlockPlacement, ids: Iterable<string>): Promise<void> {
  if (placement.complete) return;
  const unknown = [...new Set(ids)].filter((id) => !placement.blockOf.has(id));
  const found = await Promise.all(
    unknown.map((id) => db.accountBlocks.where('ids').equals(id).primaryKeys()),
  );
  unknown.forEach((id, i) => {
    const blockId = found[i]?.[0];
    if (blockId !== undefined) placement.blockOf.set(id, blockId);
  });
}

/** Blocks being changed in one write, and where new entries go. */
class BlockEdit {
  readonly blocks = new Map<number, AccountEntry[]>();
  private readonly entryOf = new Map<string, AccountEntry>();
  readonly delta: SizeDelta = { accounts: 0, metrics: 0 };

  constructor(
    private readonly placement: BlockPlacement,
    loaded: AccountBlock[],
  ) {
    for (const block of loaded) {
      this.blocks.set(block.id, block.entries);
      for (const entry of block.entries) this.entryOf.set(entry.id, entry);
    }
  }

  existing(id: string): AccountEntry | undefined {
    return this.entryOf.get(id);
  }

  entry(id: string): AccountEntry {
    const found = this.entryOf.get(id);
    if (found) return found;
    const entry: AccountEntry = { id, metrics: [] };
    const { placement } = this;
    let last = placement.last;
    if (!last || last.size >= BLOCK_SIZE || !this.blocks.has(last.id)) {
      const id = (last?.id ?? 0) + 1;
      last = { id, size: 0 };
      placement.last = last;
      this.blocks.set(id, []);
    }
    this.blocks.get(last.id)?.push(entry);
    last.size++;
    placement.blockOf.set(id, last.id);
    this.entryOf.set(id, entry);
    return entry;
  }

  putAccount(account: CachedAccount): void {
    const entry = this.entry(account.id);
    if (!entry.account) this.delta.accounts++;
    entry.account = account;
  }

  deleteAccount(id: string): void {
    const entry = this.existing(id);
    if (!entry?.account) return;
    entry.account = undefined;
    this.delta.accounts--;
  }

  putMetric(metric: CachedMetric): void {
    const entry = this.entry(metric.accountId);
    const at = entry.metrics.findIndex((m) => m.key === metric.key);
    if (at === -1) {
      entry.metrics.push(metric);
      this.delta.metrics++;
    } else entry.metrics[at] = metric;
  }

  deleteMetric(id: string): void {
    for (const accountId of accountIdCandidates(id)) {
      const entry = this.existing(accountId);
      const at = entry ? entry.metrics.findIndex((m) => metricId(m) === id) : -1;
      if (!entry || at === -1) continue;
      entry.metrics.splice(at, 1);
      this.delta.metrics--;
      return;
    }
  }

  async save(db: CacheDb): Promise<void> {
    const puts: AccountBlock[] = [];
    const deletes: number[] = [];
    for (const [blockId, entries] of this.blocks) {
      const kept = entries.filter((entry) => entry.account || entry.metrics.length > 0);
      for (const entry of entries) if (!kept.includes(entry)) this.placement.blockOf.delete(entry.id);
      if (kept.length) puts.push(toBlock(blockId, kept));
      else deletes.push(blockId);
      if (this.placement.last?.id === blockId) this.placement.last.size = kept.length;
    }
    if (deletes.length) await db.accountBlocks.bulkDelete(deletes);
    if (puts.length) await db.accountBlocks.bulkPut(puts);
  }
}

/**
 * Applies account and metric changes to their blocks: the blocks they touch are read, changed and
 * written back whole. Must run inside a read-write transaction over `accountBlocks`.
 */
export async function writeAccountChanges(
  db: CacheDb,
  changes: AccountChanges,
  placement: BlockPlacement,
): Promise<SizeDelta> {
  const touched = [
    ...changes.accountPuts.map((a) => a.id),
    ...changes.accountDeletes,
    ...changes.metricPuts.map((m) => m.accountId),
    ...changes.metricDeletes.flatMap(accountIdCandidates),
  ];
  if (touched.length === 0) return { accounts: 0, metrics: 0 };
  await locate(db, placement, touched);
  const blockIds = new Set<number>();
  for (const id of touched) {
    const blockId = placement.blockOf.get(id);
    if (blockId !== undefined) blockIds.add(blockId);
  }
  // New entries fill the last block up before another is started.
  if (placement.last && placement.last.size < BLOCK_SIZE) blockIds.add(placement.last.id);
  const loaded = (await db.accountBlocks.bulkGet([...blockIds])).filter(
    (block): block is AccountBlock => block !== undefined,
  );
  const edit = new BlockEdit(placement, loaded);
  for (const id of changes.accountDeletes) edit.deleteAccount(id);
  for (const id of changes.metricDeletes) edit.deleteMetric(id);
  for (const account of changes.accountPuts) edit.putAccount(account);
  for (const metric of changes.metricPuts) edit.putMetric(metric);
  await edit.save(db);
  return edit.delta;
}
