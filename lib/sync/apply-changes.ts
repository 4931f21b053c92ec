import type { Table } from 'dexie';
import { type CacheDb, type CachedKeyResult, toCachedAccount, toCachedKeyResult } from '../cache/db.ts';
import { type EntityType, metricId } from '../schemas/entities.ts';
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

/** Must run inside a read-write transaction over the entity tables. */
export async function applyChanges(db: CacheDb, changes: Iterable<ValidChange>): Promise<number> {
  const puts = new Map<EntityType, unknown[]>();
  const deletes = new Map<EntityType, string[]>();
  let count = 0;
  for (const change of collapseChanges(changes).values()) {
    count++;
    if (change.op === 'put') groupOf(puts, change.type).push(toRow(change));
    else groupOf(deletes, change.type).push(change.id);
  }
  for (const [type, ids] of deletes) await tableFor(db, type).bulkDelete(ids);
  for (const [type, rows] of puts) {
    await tableFor(db, type).bulkPut(
      type === 'keyResult' ? await newerOnly(db, rows as CachedKeyResult[]) : rows,
    );
  }
  return count;
}
