import type { Db } from '../db/types.ts';
import { ACCOUNT_AUDIENCE_SQL } from '../feed/audience.ts';
import { feedPut, feedTombstone } from './feed-rows.ts';
import { refreshKeyResultsNaming } from './key-result-scopes.ts';
import { chunks } from './tables.ts';

/** Which accounts to re-check: named ones, or all those owned by the named users. */
type AccountFilter = { accountIds: readonly string[] } | { ownerIds: readonly string[] };

/**
 * Recomputes the audience of the selected accounts from their owner's current team. An account that
 * changed team moves in the feed, in this order: tombstones for it and its metrics and outcomes under
 * the old audience (so the old team's clients drop them), then puts under the new one.
 * Returns the ids of the accounts that moved.
 */
export async function reconcileAudiences(tx: Db, filter: AccountFilter): Promise<string[]> {
  const [column, ids] = 'accountIds' in filter ? ['id', filter.accountIds] : ['owner_id', filter.ownerIds];
  const moved: string[] = [];
  for (const part of chunks(ids)) {
    const rows = await tx.query<{ id: string }>(
      `WITH target AS (
         SELECT a.id, ${ACCOUNT_AUDIENCE_SQL} AS audience
         FROM accounts a LEFT JOIN users u ON u.id = a.owner_id
         WHERE a.${column} = ANY($1::text[])
       )
       UPDATE accounts a SET audience = target.audience FROM target
       WHERE a.id = target.id AND a.audience <> target.audience
       RETURNING a.id`,
      [part],
    );
    moved.push(...rows.map((row) => row.id));
  }
  if (moved.length === 0) return moved;

  const metricIds = await childIds(tx, 'metrics', moved);
  const outcomeIds = await childIds(tx, 'outcomes', moved);
  await feedTombstone(tx, 'account', moved);
  await feedTombstone(tx, 'metric', metricIds);
  await feedTombstone(tx, 'outcome', outcomeIds);
  await feedPut(tx, 'account', moved);
  await feedPut(tx, 'metric', metricIds);
  await feedPut(tx, 'outcome', outcomeIds);
  await refreshKeyResultsNaming(tx, moved);
  return moved;
}

async function childIds(tx: Db, table: 'metrics' | 'outcomes', accountIds: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const part of chunks(accountIds)) {
    // Undone outcomes are kept as rows but must not come back into the feed with their account.
    const live = table === 'outcomes' ? 'AND undone_at IS NULL' : '';
    const rows = await tx.query<{ id: string }>(
      `SELECT id FROM ${table} WHERE account_id = ANY($1::text[]) ${live} ORDER BY id`,
      [part],
    );
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}
