import type { ChangedItem } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';

/** Someone else saved some of the items since the writer read them; nothing was written. */
export class ChangedSinceReadError extends Error {
  constructor(readonly changed: ChangedItem[]) {
    super(
      `${changed.length === 1 ? `"${changed[0]?.id}" was` : `${changed.length} items were`} changed since you opened ${changed.length === 1 ? 'it' : 'them'}; nothing was written. Reload to see the newer version.`,
    );
    this.name = 'ChangedSinceReadError';
  }
}

/**
 * Optimistic concurrency for the admin API: `expected` names, per id, the `updatedAt` the writer read.
 * Run with the feed lock held, so no write can slip in between this check and the upsert.
 */
export async function checkUnchangedSinceRead(
  tx: Db,
  table: string,
  expected: Readonly<Record<string, string>>,
): Promise<void> {
  const ids = Object.keys(expected);
  if (ids.length === 0) return;
  const rows = await tx.query<{ id: string; updated_at: string | null; updated_by: string | null }>(
    `SELECT id, data->>'updatedAt' AS updated_at, data->>'updatedBy' AS updated_by
       FROM ${table} WHERE id = ANY($1::text[])`,
    [ids],
  );
  const stored = new Map(rows.map((row) => [row.id, row]));
  const changed: ChangedItem[] = [];
  for (const id of ids) {
    const row = stored.get(id);
    if (!row) changed.push({ id, updatedAt: null, updatedBy: null, deleted: true });
    else if (row.updated_at !== expected[id]) {
      changed.push({ id, updatedAt: row.updated_at, updatedBy: row.updated_by, deleted: false });
    }
  }
  if (changed.length > 0) throw new ChangedSinceReadError(changed);
}
