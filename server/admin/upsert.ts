import {
  ADMIN_COLLECTIONS,
  type AdminCollection,
  type EntityOf,
  type EntityType,
  type ItemProblem,
  MAX_ADMIN_BATCH,
  type Source,
  type User,
} from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import { writeTransaction } from '../feed/lock.ts';
import { checkIntegrity } from '../import/integrity.ts';
import { explain, formatPath } from '../import/issues.ts';
import { databaseNow, type KeyResultInput, resolveKeyResults } from '../store/key-result-value.ts';
import { loadKeyResults } from '../store/key-results.ts';
import { putEntities } from '../store/put.ts';
import { chunks, TABLES } from '../store/tables.ts';
import { recordAudit } from './audit.ts';
import { checkUnchangedSinceRead } from './changed-since-read.ts';
import { AdminValidationError } from './errors.ts';

type UpsertStatus = 'created' | 'updated' | 'unchanged';

export interface UpsertOptions {
  /** Who writes: recorded as `updatedBy` and in the audit log. Null for the server's own CLI and for SCIM. */
  actor: Pick<User, 'id' | 'name'> | null;
  source: Exclude<Source, 'outcome'>;
  /** Compute the same results, then roll everything back. */
  dryRun: boolean;
  /** Per id, the `updatedAt` the writer read; a row changed since refuses the batch. */
  expected?: Readonly<Record<string, string>>;
}

interface UpsertResult {
  results: { id: string; status: UpsertStatus }[];
}

/** Thrown inside the transaction to undo a dry run's writes while keeping what it computed. */
class DryRun extends Error {
  constructor(readonly result: UpsertResult) {
    super('dry run');
  }
}

/**
 * Upserts a batch of one collection by id, all or nothing. Every item is validated (shape, then what
 * zod cannot see: duplicate ids in the batch, unknown referenced ids, taken emails); if any is bad,
 * AdminValidationError lists every problem and nothing is written. An item whose content, leaving
 * out where it came from, equals what is stored is `unchanged` and writes no feed row.
 */
export async function upsertCollection(
  db: Db,
  collection: AdminCollection,
  items: unknown[],
  options: UpsertOptions,
): Promise<UpsertResult> {
  const spec = ADMIN_COLLECTIONS[collection];
  if (items.length > MAX_ADMIN_BATCH) {
    throw new AdminValidationError([
      {
        index: MAX_ADMIN_BATCH,
        path: '(item)',
        message: `a batch holds at most ${MAX_ADMIN_BATCH} items; send the rest in another batch`,
      },
    ]);
  }
  const problems: ItemProblem[] = [];
  const valid: { index: number; item: unknown }[] = [];
  items.forEach((item, index) => {
    const parsed = spec.schema.safeParse(item);
    if (parsed.success) valid.push({ index, item: parsed.data });
    else {
      for (const issue of parsed.error.issues) {
        problems.push({ index, path: formatPath(issue.path), message: explain(issue) });
      }
    }
  });
  try {
    return await writeTransaction(db, async (tx) => {
      const { problems: integrity } = await checkIntegrity(
        tx,
        { [collection]: valid.map((v) => v.item) },
        { rowName: (_, i) => `item ${valid[i]?.index}` },
      );
      for (const problem of integrity) {
        problems.push({
          index: valid[problem.index]?.index ?? problem.index,
          path: problem.path,
          message: problem.message,
        });
      }
      if (problems.length > 0) throw new AdminValidationError(problems.sort((a, b) => a.index - b.index));

      if (options.expected) await checkUnchangedSinceRead(tx, TABLES[spec.type].table, options.expected);
      // Stamped once the feed lock is held, so updatedAt follows the order writes become visible.
      const now = await databaseNow(tx);
      const entities = await toEntities(
        tx,
        spec.type,
        valid.map((v) => v.item),
        now,
        options,
      );
      const result = await write(tx, collection, spec.type, entities, options);
      if (options.dryRun) throw new DryRun(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}

/** The stored form of each item: provenance stamped, and a key result's value resolved. */
async function toEntities<T extends EntityType>(
  tx: Db,
  type: T,
  items: unknown[],
  now: string,
  options: UpsertOptions,
): Promise<EntityOf<T>[]> {
  const stamp = {
    source: options.source,
    ...(options.actor === null ? {} : { updatedBy: options.actor.id }),
    updatedAt: now,
  };
  let rows = items as Record<string, unknown>[];
  if (type === 'keyResult') {
    const writes = items as KeyResultInput[];
    const stored = await loadKeyResults(
      tx,
      writes.map((kr) => kr.id),
    );
    rows = await resolveKeyResults(tx, writes, stored, now);
  }
  return rows.map((row) => ({ ...row, ...stamp }) as EntityOf<T>);
}

async function write<T extends EntityType>(
  tx: Db,
  collection: AdminCollection,
  type: T,
  entities: EntityOf<T>[],
  options: UpsertOptions,
): Promise<UpsertResult> {
  const spec = TABLES[type];
  const ids = entities.map((entity) => spec.idOf(entity));
  const existing = new Set<string>();
  for (const part of chunks(ids)) {
    const rows = await tx.query<{ id: string }>(`SELECT id FROM ${spec.table} WHERE id = ANY($1::text[])`, [
      part,
    ]);
    for (const row of rows) existing.add(row.id);
  }
  const changed = new Set(await putEntities(tx, type, entities));
  if (changed.size > 0) {
    await recordAudit(tx, {
      actor: options.actor,
      source: options.source,
      collection,
      op: 'upsert',
      ids: ids.filter((id) => changed.has(id)),
    });
  }
  const status = (id: string): UpsertStatus =>
    !changed.has(id) ? 'unchanged' : existing.has(id) ? 'updated' : 'created';
  return { results: ids.map((id) => ({ id, status: status(id) })) };
}
