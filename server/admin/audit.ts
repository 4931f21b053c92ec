import type { AuditFilter, AuditResponse, Source, User } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';

interface AuditEntry {
  /** Null when the server itself wrote: its command line, or the identity provider over SCIM. */
  actor: Pick<User, 'id' | 'name'> | null;
  source: Source;
  collection: string;
  op: 'upsert' | 'delete';
  /** The ids that actually changed; a write that changed nothing is not recorded. */
  ids: readonly string[];
}

/** Records one write in the audit log, in the writer's transaction so it stands or falls with it. */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  if (entry.ids.length === 0) return;
  await tx.query(
    `INSERT INTO audit_log (actor_id, actor_name, source, collection, op, ids)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
    [
      entry.actor?.id ?? null,
      entry.actor?.name ?? null,
      entry.source,
      entry.collection,
      entry.op,
      JSON.stringify(entry.ids),
    ],
  );
}

/** Records the key results a person's outcomes (or their undo) moved, as written through `outcome`. */
export function recordOutcomeMoves(
  tx: Db,
  actor: Pick<User, 'id' | 'name'>,
  keyResultIds: readonly string[],
): Promise<void> {
  return recordAudit(tx, {
    actor,
    source: 'outcome',
    collection: 'keyResults',
    op: 'upsert',
    ids: keyResultIds,
  });
}

interface AuditRow {
  seq: string | number;
  at: Date | string;
  actor_id: string | null;
  actor_name: string | null;
  source: Source;
  collection: string;
  op: 'upsert' | 'delete';
  ids: string[];
}

/** The audit cursor is the last seq read, wrapped so clients treat it as opaque. */
function encodeAuditCursor(seq: number): string {
  return Buffer.from(`audit:${seq}`).toString('base64url');
}

/** The seq after which to read, or null for a cursor this server could not have issued. */
export function decodeAuditCursor(cursor: string): number | null {
  const match = /^audit:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match === null ? null : Number(match[1]);
}

/** Audit entries after `afterSeq`, oldest first; a filter left out matches every entry. */
export async function readAudit(
  db: Db,
  afterSeq: number,
  limit: number,
  filter: AuditFilter = {},
): Promise<AuditResponse> {
  const rows = await db.query<AuditRow>(
    `SELECT seq, at, actor_id, actor_name, source, collection, op, ids
     FROM audit_log
     WHERE seq > $1 AND ($3::text IS NULL OR actor_id = $3) AND ($4::text IS NULL OR source = $4)
       AND ($5::text IS NULL OR collection = $5)
     ORDER BY seq LIMIT $2`,
    [afterSeq, limit + 1, filter.actor ?? null, filter.source ?? null, filter.collection ?? null],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: page.map((row) => ({
      at: new Date(row.at).toISOString(),
      actor: row.actor_id === null ? null : { id: row.actor_id, name: row.actor_name },
      source: row.source,
      collection: row.collection,
      op: row.op,
      ids: row.ids,
    })),
    cursor: encodeAuditCursor(last === undefined ? afterSeq : Number(last.seq)),
    hasMore: rows.length > limit,
  };
}
