import { Dexie, type Table } from 'dexie';
import type { OutboxRow } from '../outbox/types.ts';
import type { MetricDefinition, Objective, Outcome, Team, Tier, User } from '../schemas/entities.ts';
import { BLOCK_SIZE, toBlock } from './account-blocks.ts';
import {
  type AccountBlock,
  type AccountEntry,
  type CachedAccount,
  type CachedKeyResult,
  type CachedMetric,
  identityKeys,
  type KvRow,
  type StagedChanges,
} from './rows.ts';

/** Accounts and metrics as the blocks version 5 keeps them in, each account with its metrics. */
function blocksOf(accounts: CachedAccount[], metrics: CachedMetric[]): AccountBlock[] {
  const entries = new Map<string, AccountEntry>();
  for (const account of accounts) entries.set(account.id, { id: account.id, account, metrics: [] });
  for (const metric of metrics) {
    const entry = entries.get(metric.accountId) ?? { id: metric.accountId, metrics: [] };
    entries.set(metric.accountId, entry);
    entry.metrics.push(metric);
  }
  const all = [...entries.values()];
  const blocks: AccountBlock[] = [];
  for (let at = 0; at < all.length; at += BLOCK_SIZE) {
    blocks.push(toBlock(blocks.length + 1, all.slice(at, at + BLOCK_SIZE)));
  }
  return blocks;
}

export class CacheDb extends Dexie {
  users!: Table<User, string>;
  teams!: Table<Team, string>;
  tiers!: Table<Tier, string>;
  /** Accounts and their metrics, a block per row (see `account-blocks.ts`). */
  accountBlocks!: Table<AccountBlock, number>;
  objectives!: Table<Objective, string>;
  keyResults!: Table<CachedKeyResult, string>;
  metricDefinitions!: Table<MetricDefinition, string>;
  outcomes!: Table<Outcome, string>;
  /** Settings, the sync cursor and the sync status: small values owned by the background. */
  kv!: Table<KvRow, string>;
  /** A full resync's pages until it switches the cache over (see `sync/staging.ts`). */
  stagedChanges!: Table<StagedChanges, [number, number]>;
  /** Outcomes logged here and not yet settled with the backend; never cleared by a resync. */
  outbox!: Table<OutboxRow, string>;

  constructor(name = 'goal-lens') {
    // Strict: a logged outcome must be on disk before the click is acknowledged.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      users: 'id',
      tiers: 'id',
      accounts: 'id, *refKeys, tierId, ownerId',
      objectives: 'id',
      keyResults: 'id, objectiveId, *linkAccountIds, *linkTierIds',
      metricDefinitions: 'key',
      metrics: 'id, accountId',
      outcomes: 'id, keyResultId, accountId',
      kv: 'key',
    });
    this.version(2).stores({ outbox: 'id, status, createdAt, outcome.keyResultId, outcome.accountId' });
    // Pages whose record id no account is linked to are matched by the website, then the name they show.
    this.version(3)
      .stores({ accounts: 'id, *refKeys, tierId, ownerId, domainKey, nameKey' })
      .upgrade((tx) =>
        tx
          .table<CachedAccount, string>('accounts')
          .toCollection()
          .modify((account) => {
            Object.assign(account, identityKeys(account));
          }),
      );
    // ARR order: the book view checks the accounts with the highest ARR first.
    this.version(4).stores({ accounts: 'id, *refKeys, tierId, ownerId, domainKey, nameKey, attributes.arr' });
    // A row per account and per metric made a first sync of 50 000 accounts take 20 s; blocks of them take a few.
    this.version(5)
      .stores({
        accounts: null,
        metrics: null,
        accountBlocks: 'id, *ids, *refKeys, *domainKeys, *nameKeys, *arrs',
      })
      .upgrade(async (tx) => {
        const [accounts, metrics] = await Promise.all([
          tx.table<CachedAccount, string>('accounts').toArray(),
          tx.table<CachedMetric, string>('metrics').toArray(),
        ]);
        await tx.table<AccountBlock, number>('accountBlocks').bulkAdd(blocksOf(accounts, metrics));
      });
    // Teams arrive in the feed; until the next full resync an upgraded cache simply has none yet.
    this.version(6).stores({ teams: 'id' });
    // A full resync streams into here and switches the cache over at the end.
    this.version(7).stores({ stagedChanges: '[bucket+page]' });
  }

  /** The tables the change feed fills, in the order a full resync clears and refills them. */
  get entityTables() {
    return [
      this.users,
      this.teams,
      this.tiers,
      this.accountBlocks,
      this.objectives,
      this.keyResults,
      this.metricDefinitions,
      this.outcomes,
    ];
  }
}

export async function readKv<T>(db: CacheDb, key: string): Promise<T | undefined> {
  return (await db.kv.get(key))?.value as T | undefined;
}

export async function writeKv(db: CacheDb, key: string, value: unknown): Promise<void> {
  await db.kv.put({ key, value });
}
