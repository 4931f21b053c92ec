import type { AccountWriter } from '../cache/account-store.ts';
import type { CacheDb } from '../cache/db.ts';
import { type EntityWrites, writeEntities } from '../cache/entities.ts';
import type { EntityType } from '../schemas/entities.ts';
import type { ValidChange } from './validate-changes.ts';

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

function groupOf<T>(groups: Map<EntityType, T[]>, type: EntityType): T[] {
  const group = groups.get(type) ?? [];
  groups.set(type, group);
  return group;
}

/**
 * Must run inside a read-write transaction over the entity tables and `kv`. Returns how many
 * changes were applied.
 */
export async function applyChanges(
  db: CacheDb,
  changes: Iterable<ValidChange>,
  writer: AccountWriter,
): Promise<number> {
  const writes: EntityWrites = { puts: new Map(), deletes: new Map() };
  let applied = 0;
  for (const change of collapseChanges(changes).values()) {
    applied++;
    if (change.op === 'put') groupOf(writes.puts, change.type).push(change.data);
    else groupOf(writes.deletes, change.type).push(change.id);
  }
  await writeEntities(db, writer, writes);
  return applied;
}

/** A cached record, as the cache holds it, to keep across a full resync. */
interface KeptRecord {
  type: EntityType;
  row: unknown;
}

/** Puts records kept across a full resync back, as they were. */
export async function restoreRecords(db: CacheDb, kept: KeptRecord[], writer: AccountWriter): Promise<void> {
  const puts = new Map<EntityType, unknown[]>();
  for (const record of kept) groupOf(puts, record.type).push(record.row);
  await writeEntities(db, writer, { puts, deletes: new Map() });
}
