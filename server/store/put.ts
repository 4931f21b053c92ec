import { type Account, type EntityOf, type EntityType, PROVENANCE_FIELDS } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import { ACCOUNT_AUDIENCE_SQL } from '../feed/audience.ts';
import { writeTransaction } from '../feed/lock.ts';
import { reconcileAudiences } from './audiences.ts';
import { feedPut, feedPutSql } from './feed-rows.ts';
import { refreshKeyResultsNaming } from './key-result-scopes.ts';
import { chunks, TABLES } from './tables.ts';

/**
 * Upserts entities and records them in the change feed. An entity whose stored data is already
 * identical, apart from its provenance (source, updatedBy, updatedAt), is left alone and gets no new feed row, so re-importing the same data costs clients
 * nothing. Returns the ids that were inserted or changed.
 */
export async function putEntities<T extends EntityType>(
  db: Db,
  type: T,
  entities: readonly EntityOf<T>[],
): Promise<string[]> {
  if (entities.length === 0) return [];
  return writeTransaction(db, async (tx) => {
    const changed: string[] = [];
    if (type === 'account') {
      for (const part of chunks(entities)) changed.push(...(await upsertAccounts(tx, part as Account[])));
      // A changed owner may mean another team: those accounts move (tombstones, then puts) here.
      const moved = new Set(await reconcileAudiences(tx, { accountIds: changed }));
      const stayed = changed.filter((id) => !moved.has(id));
      await feedPut(tx, type, stayed);
      await refreshKeyResultsNaming(tx, stayed);
    } else {
      for (const part of chunks(entities)) changed.push(...(await upsertWithFeed(tx, type, part)));
      // A user who changed team takes the accounts they own along.
      if (type === 'user') await reconcileAudiences(tx, { ownerIds: changed });
    }
    return changed;
  });
}

const PROVENANCE_SQL = `'{${PROVENANCE_FIELDS.join(',')}}'::text[]`;

/** Where a value came from is not part of what it is: the same content from another writer is no change. */
function withoutProvenance(data: string): string {
  return `(${data} - ${PROVENANCE_SQL})`;
}

/** The rows as jsonb_to_recordset reads them: id, the copied-out columns, and the wire data. */
function recordset<T extends EntityType>(type: T, entities: readonly EntityOf<T>[]) {
  const spec = TABLES[type];
  const names = spec.columns.map((column) => column.name);
  const json = JSON.stringify(
    entities.map((entity) => {
      const record: Record<string, unknown> = { id: spec.idOf(entity), data: entity };
      for (const column of spec.columns) record[column.name] = column.of(entity);
      return record;
    }),
  );
  const definition = ['id text', ...names.map((name) => `${name} text`), 'data jsonb'].join(', ');
  const upsert = `ON CONFLICT (id) DO UPDATE
    SET ${[...names, 'data'].map((name) => `${name} = excluded.${name}`).join(', ')}
    WHERE ${withoutProvenance(`${spec.table}.data`)} IS DISTINCT FROM ${withoutProvenance('excluded.data')}`;
  return { spec, names, json, definition, upsert };
}

/** Upsert and feed write in one statement: the feed takes the rows straight from RETURNING. */
async function upsertWithFeed<T extends EntityType>(
  tx: Db,
  type: T,
  entities: readonly EntityOf<T>[],
): Promise<string[]> {
  const { spec, names, json, definition, upsert } = recordset(type, entities);
  const columns = ['id', ...names, 'data'];
  const rows = await tx.query<{ id: string }>(
    `WITH up AS (
       INSERT INTO ${spec.table} (${columns.join(', ')})
       SELECT ${columns.map((name) => `x.${name}`).join(', ')} FROM jsonb_to_recordset($2::jsonb) AS x(${definition})
       ${upsert}
       RETURNING ${spec.table}.*
     )
     ${feedPutSql(type, 'up t')}
     RETURNING entity_id AS id`,
    [type, json],
  );
  return rows.map((row) => row.id);
}

/**
 * New accounts get their audience from their owner here. For existing ones a change of audience is a
 * move, which reconcileAudiences performs so that it can write the old audience's tombstones first.
 */
async function upsertAccounts(tx: Db, accounts: readonly Account[]): Promise<string[]> {
  const { spec, names, json, definition, upsert } = recordset('account', accounts);
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO ${spec.table} (id, ${names.join(', ')}, audience, data)
     SELECT x.id, ${names.map((name) => `x.${name}`).join(', ')}, ${ACCOUNT_AUDIENCE_SQL}, x.data
     FROM jsonb_to_recordset($1::jsonb) AS x(${definition})
     LEFT JOIN users u ON u.id = x.owner_id
     ${upsert}
     RETURNING id`,
    [json],
  );
  return rows.map((row) => row.id);
}
