import type { Source, User } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';

export interface AuditEntry {
  /** Null when the server's own command line wrote. */
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
