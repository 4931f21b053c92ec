import type { Table } from 'dexie';
import type { Account, EntityType, KeyResult, Metric } from '../schemas/entities.ts';
import {
  type AccountWriter,
  clearAccounts,
  readAccount,
  readMetric,
  writeAccounts,
} from './account-store.ts';
import type { CacheDb } from './db.ts';
import { putKeyResults } from './key-results.ts';

// The synced entities, written and read by type: the feed's applier and a full resync need not know
// that accounts and metrics live in blocks, or that key results keep the newer version.

/** The entity types stored a row each; accounts and metrics live in the account store. */
type RowType = Exclude<EntityType, 'account' | 'metric'>;

const TABLE_OF: Record<RowType, string> = {
  user: 'users',
  team: 'teams',
  tier: 'tiers',
  objective: 'objectives',
  keyResult: 'keyResults',
  metricDefinition: 'metricDefinitions',
  outcome: 'outcomes',
};

function isRowType(type: EntityType): type is RowType {
  return type !== 'account' && type !== 'metric';
}

function tableFor(db: CacheDb, type: RowType): Table<unknown, string> {
  return db.table(TABLE_OF[type]);
}

/** One batch of writes, by type: the records to put and the ids to delete. */
export interface EntityWrites {
  puts: Map<EntityType, unknown[]>;
  deletes: Map<EntityType, string[]>;
}

/**
 * Deletes, then puts. Must run inside a read-write transaction over the entity tables and `kv`;
 * `writer` is the account store's, kept across the transactions of one sync.
 */
export async function writeEntities(db: CacheDb, writer: AccountWriter, writes: EntityWrites): Promise<void> {
  const { puts, deletes } = writes;
  await writeAccounts(db, writer, {
    accountPuts: (puts.get('account') ?? []) as Account[],
    accountDeletes: deletes.get('account') ?? [],
    metricPuts: (puts.get('metric') ?? []) as Metric[],
    metricDeletes: deletes.get('metric') ?? [],
  });
  for (const [type, ids] of deletes) if (isRowType(type)) await tableFor(db, type).bulkDelete(ids);
  for (const [type, rows] of puts) {
    if (type === 'keyResult') await putKeyResults(db, rows as KeyResult[]);
    else if (isRowType(type)) await tableFor(db, type).bulkPut(rows);
  }
}

/** The cached record `id` of `type`, as the cache holds it, if any. */
export function readEntity(db: CacheDb, type: EntityType, id: string): Promise<unknown> {
  if (isRowType(type)) return tableFor(db, type).get(id);
  return type === 'account' ? readAccount(db, id) : readMetric(db, id);
}

/** Forgets every synced record. Inside a read-write transaction over the entity tables and `kv`. */
export async function clearEntities(db: CacheDb): Promise<void> {
  await clearAccounts(db);
  for (const table of db.entityTables) if (table !== db.accountBlocks) await table.clear();
}
