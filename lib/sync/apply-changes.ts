import type { Table } from 'dexie';
import { type CacheDb, type CachedKeyResult, toCachedAccount, toCachedKeyResult } from '../cache/db.ts';
import { type EntityType, metricId } from '../schemas/entities.ts';
import { MAX_TRACKED_CHANGES, storedCount, type TableSizes, trackedTable } from './table-sizes.ts';
import type { ValidChange } from './validate-changes.ts';

const TABLE_OF: Record<EntityType, string> = {
  user: 'users',
  tier: 'tiers',
  account: 'accounts',
  objective: 'objectives',
  keyResult: 'keyResults',
  metricDefinition: 'metricDefinitions',
  metric: 'metrics',
  outcome: 'outcomes',
};

export function tableFor(db: CacheDb, type: EntityType): Table<unknown, string> {
  return db.table(TABLE_OF[type]);
}

function toRow(change: Extract<ValidChange, { op: 'put' }>): unknown {
  switch (change.type) {
    case 'account':
      return toCachedAccount(change.data);
    case 'keyResult':
      return toCachedKeyResult(change.data);
    case 'metric':
      return { ...change.data, id: metricId(change.data) };
    default:
      return change.data;
  }
}

/**
 * Only the last change to a record within a batch matters (a team move arrives as a tombstone
 * followed by a put), and collapsing first lets each table take one bulk write.
 */
export function collapseChanges(changes: Iterable<ValidChange>): Map<string, ValidChange> {
  const latest = new Map<string, ValidChange>();
  for (const change of changes) {
    const key = `${change.type}\u0000${change.id}`;
    latest.delete(key);
    latest.set(key, change);
  }
  return latest;
}

function groupOf<T>(groups: Map<EntityType, T[]>, type: EntityType): T[] {
  const group = groups.get(type) ?? [];
  groups.set(type, group);
  return group;
}

/**
 * A key result can reach the cache from a sync page and from an outcome response; a page read just
 * before our outcome was applied must not roll the value back, so the newer version wins.
 */
async function newerOnly(db: CacheDb, incoming: CachedKeyResult[]): Promise<CachedKeyResult[]> {
  const cached = await db.keyResults.bulkGet(incoming.map((kr) => kr.id));
  return incoming.filter((kr, i) => {
    const old = cached[i];
    return !old || Date.parse(kr.updatedAt) >= Date.parse(old.updatedAt);
  });
}

interface Touched {
  table: keyof TableSizes;
  type: EntityType;
  ids: string[];
  sign: 1 | -1;
}

/** The tracked tables' rows a page writes, or null when there are too many to look up. */
function touchedRows(
  putIds: Map<EntityType, string[]>,
  deletes: Map<EntityType, string[]>,
): Touched[] | null {
  const touched: Touched[] = [];
  for (const [type, ids] of putIds) {
    const table = trackedTable(type);
    if (table) touched.push({ table, type, ids, sign: 1 });
  }
  for (const [type, ids] of deletes) {
    const table = trackedTable(type);
    if (table) touched.push({ table, type, ids, sign: -1 });
  }
  return touched.reduce((sum, t) => sum + t.ids.length, 0) > MAX_TRACKED_CHANGES ? null : touched;
}

/** Adds to `sizes` the rows the writes will add and remove, by looking up which are already stored. */
async function trackSizes(db: CacheDb, touched: Touched[], sizes: TableSizes): Promise<void> {
  const stored = await Promise.all(touched.map((t) => storedCount(tableFor(db, t.type), t.ids)));
  touched.forEach((t, i) => {
    const existing = stored[i] ?? 0;
    // A put adds the rows not stored yet; a delete removes the rows that are.
    sizes[t.table] += t.sign === 1 ? t.ids.length - existing : -existing;
  });
}

/**
 * Must run inside a read-write transaction over the entity tables. With `sizes`, also keeps the
 * tracked tables' row counts: returns false when it could not, and they must be counted afresh.
 */
export async function applyChanges(
  db: CacheDb,
  changes: Iterable<ValidChange>,
  sizes?: TableSizes,
): Promise<{ applied: number; sizesKept: boolean }> {
  const puts = new Map<EntityType, unknown[]>();
  const putIds = new Map<EntityType, string[]>();
  const deletes = new Map<EntityType, string[]>();
  let applied = 0;
  for (const change of collapseChanges(changes).values()) {
    applied++;
    if (change.op === 'put') {
      groupOf(puts, change.type).push(toRow(change));
      groupOf(putIds, change.type).push(change.id);
    } else groupOf(deletes, change.type).push(change.id);
  }
  // Decided before any await: awaiting a promise that never touches IndexedDB would lose Dexie's
  // transaction zone, and the writes below would run outside this transaction.
  const touched = sizes ? touchedRows(putIds, deletes) : null;
  if (sizes && touched?.length) await trackSizes(db, touched, sizes);
  const sizesKept = touched !== null;
  for (const [type, ids] of deletes) await tableFor(db, type).bulkDelete(ids);
  for (const [type, rows] of puts) {
    await tableFor(db, type).bulkPut(
      type === 'keyResult' ? await newerOnly(db, rows as CachedKeyResult[]) : rows,
    );
  }
  return { applied, sizesKept };
}
