import type { Table } from 'dexie';
import { accountIdCandidates } from '../cache/account-blocks.ts';
import { readAccount, readMetrics } from '../cache/block-reader.ts';
import {
  type AccountChanges,
  type BlockPlacement,
  type SizeDelta,
  writeAccountChanges,
} from '../cache/block-writer.ts';
import type { CacheDb } from '../cache/db.ts';
import { putKeyResults } from '../cache/key-results.ts';
import { type CachedAccount, type CachedMetric, toCachedAccount } from '../cache/rows.ts';
import { type EntityType, type KeyResult, metricId } from '../schemas/entities.ts';
import type { ValidChange } from './validate-changes.ts';

/** The entity types stored a row each; accounts and metrics live in account blocks instead. */
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

function tableFor(db: CacheDb, type: RowType): Table<unknown, string> {
  return db.table(TABLE_OF[type]);
}

/**
 * Only the last change to a record within a batch matters (a team move arrives as a tombstone
 * followed by a put), and collapsing first lets each table take one bulk write.
 */
function collapseChanges(changes: Iterable<ValidChange>): Map<string, ValidChange> {
  const latest = new Map<string, ValidChange>();
  for (const change of changes) {
    const key = `${change.type}\u0000${change.id}`;
    latest.delete(key);
    latest.set(key, change);
  }
  return latest;
}

function groupOf<T>(groups: Map<RowType, T[]>, type: RowType): T[] {
  const group = groups.get(type) ?? [];
  groups.set(type, group);
  return group;
}

/**
 * Must run inside a read-write transaction over the entity tables. Returns how many changes were
 * applied and how many accounts and metrics the cache gained or lost.
 */
export async function applyChanges(
  db: CacheDb,
  changes: Iterable<ValidChange>,
  placement: BlockPlacement,
): Promise<{ applied: number; delta: SizeDelta }> {
  const accountChanges: AccountChanges = {
    accountPuts: [],
    accountDeletes: [],
    metricPuts: [],
    metricDeletes: [],
  };
  const puts = new Map<RowType, unknown[]>();
  const deletes = new Map<RowType, string[]>();
  let applied = 0;
  for (const change of collapseChanges(changes).values()) {
    applied++;
    if (change.type === 'account') {
      if (change.op === 'put') accountChanges.accountPuts.push(toCachedAccount(change.data));
      else accountChanges.accountDeletes.push(change.id);
    } else if (change.type === 'metric') {
      if (change.op === 'put') accountChanges.metricPuts.push({ ...change.data, id: metricId(change.data) });
      else accountChanges.metricDeletes.push(change.id);
    } else if (change.op === 'put') groupOf(puts, change.type).push(change.data);
    else groupOf(deletes, change.type).push(change.id);
  }
  const delta = await writeAccountChanges(db, accountChanges, placement);
  for (const [type, ids] of deletes) await tableFor(db, type).bulkDelete(ids);
  for (const [type, rows] of puts) {
    if (type === 'keyResult') await putKeyResults(db, rows as KeyResult[]);
    else await tableFor(db, type).bulkPut(rows);
  }
  return { applied, delta };
}

/** A cached record, as the cache holds it, to keep across a full resync. */
type KeptRecord =
  | { type: 'account'; row: CachedAccount }
  | { type: 'metric'; row: CachedMetric }
  | { type: RowType; row: unknown };

/** The cached version of record `id` of `type`, if any. */
export async function readCachedRecord(
  db: CacheDb,
  type: EntityType,
  id: string,
): Promise<KeptRecord | null> {
  if (type === 'account') {
    const row = await readAccount(db, id);
    return row ? { type, row } : null;
  }
  if (type === 'metric') {
    for (const accountId of accountIdCandidates(id)) {
      const row = (await readMetrics(db, accountId)).find((metric) => metricId(metric) === id);
      if (row) return { type, row };
    }
    return null;
  }
  const row = await tableFor(db, type).get(id);
  return row === undefined ? null : { type, row };
}

/** Puts records read by `readCachedRecord` back, as they were. */
export async function restoreRecords(
  db: CacheDb,
  kept: KeptRecord[],
  placement: BlockPlacement,
): Promise<SizeDelta> {
  const accountPuts: CachedAccount[] = [];
  const metricPuts: CachedMetric[] = [];
  for (const record of kept) {
    if (record.type === 'account') accountPuts.push(record.row as CachedAccount);
    else if (record.type === 'metric') metricPuts.push(record.row as CachedMetric);
    else await tableFor(db, record.type).put(record.row);
  }
  return writeAccountChanges(
    db,
    { accountPuts, accountDeletes: [], metricPuts, metricDeletes: [] },
    placement,
  );
}
