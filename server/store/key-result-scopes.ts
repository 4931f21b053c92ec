import type { Db } from '../db/types.ts';
import { feedPut } from './feed-rows.ts';
import { chunks } from './tables.ts';

/**
 * Each reader gets a key result's `scope.accountIds` cut to the accounts they can read (see the feed
 * read), so when accounts arrive or change team the key results that name them go out again: every
 * reader's copy then lists exactly the accounts they can see now.
 */
export async function refreshKeyResultsNaming(tx: Db, accountIds: readonly string[]): Promise<void> {
  const ids = new Set<string>();
  for (const part of chunks(accountIds)) {
    const rows = await tx.query<{ id: string }>(
      `SELECT id FROM key_results WHERE data->'scope'->'accountIds' ?| $1::text[]`,
      [part],
    );
    for (const row of rows) ids.add(row.id);
  }
  await feedPut(tx, 'keyResult', [...ids].sort());
}
