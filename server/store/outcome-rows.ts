import type { Outcome } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import { TABLES } from './tables.ts';

/** Stored outcomes among `ids`, undone ones included, by id. */
export async function loadOutcomes(tx: Db, ids: readonly string[]): Promise<Map<string, Outcome>> {
  const rows = await tx.query<{ data: Outcome }>('SELECT data FROM outcomes WHERE id = ANY($1::text[])', [
    ids,
  ]);
  return new Map(rows.map((row) => [row.data.id, row.data]));
}

interface StoredOutcome {
  outcome: Outcome;
  undone: boolean;
  /** When the backend received it, which decides whether a key result's measurement holds it. */
  loggedAt: string;
  /** Its feed audience, which follows its account as every outcome row in the feed does. */
  audience: string;
}

export async function loadOutcome(tx: Db, id: string): Promise<StoredOutcome | null> {
  const [row] = await tx.query<{
    data: Outcome;
    undone: boolean;
    audience: string;
    created_at: Date | string;
  }>(
    `SELECT t.data, t.undone_at IS NOT NULL AS undone, t.created_at, ${TABLES.outcome.audienceSql} AS audience
     FROM outcomes t WHERE t.id = $1`,
    [id],
  );
  if (row === undefined) return null;
  const loggedAt = new Date(row.created_at).toISOString();
  return { outcome: row.data, undone: row.undone, audience: row.audience, loggedAt };
}

export async function markUndone(tx: Db, id: string, userId: string): Promise<void> {
  await tx.query('UPDATE outcomes SET undone_at = now(), undone_by = $2 WHERE id = $1', [id, userId]);
}
