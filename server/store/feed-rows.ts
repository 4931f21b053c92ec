import type { EntityType } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import { chunks, TABLES } from './tables.ts';

/**
 * SQL that puts entity rows (`source`, aliased `t`, with the entity table's columns) into the feed
 * under their current audience, each with a fresh seq. `$1` is the entity type. Callers hold the
 * feed lock (see writeTransaction).
 */
export function feedPutSql(type: EntityType, source: string): string {
  return `INSERT INTO changes (type, entity_id, audience, op, data, seq, changed_at)
    SELECT $1, t.id, ${TABLES[type].audienceSql}, 'put', t.data, nextval('change_seq'), now()
    FROM ${source}
    ON CONFLICT (type, entity_id, audience) DO UPDATE
    SET op = 'put', data = excluded.data, seq = excluded.seq, changed_at = excluded.changed_at`;
}

/** Puts the current state of these stored entities into the feed. */
export async function feedPut(tx: Db, type: EntityType, ids: readonly string[]): Promise<void> {
  for (const part of chunks(ids)) {
    await tx.query(feedPutSql(type, `${TABLES[type].table} t WHERE t.id = ANY($2::text[])`), [type, part]);
  }
}

/**
 * Turns every live feed row of these entities, whatever its audience, into a tombstone with a fresh
 * seq, so each audience that had the entity is told to drop it.
 */
export async function feedTombstone(tx: Db, type: EntityType, ids: readonly string[]): Promise<void> {
  for (const part of chunks(ids)) {
    await tx.query(
      `UPDATE changes SET op = 'delete', data = NULL, seq = nextval('change_seq'), changed_at = now()
       WHERE type = $1 AND entity_id = ANY($2::text[]) AND op = 'put'`,
      [type, part],
    );
  }
}
