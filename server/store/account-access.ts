import type { Db } from '../db/types.ts';

/** What deciding access to an account and its KR links needs: its tier and its feed audience. */
export interface AccountAccess {
  tierId: string;
  audience: string;
}

/** The stored accounts among `ids`, by id. */
export async function loadAccountAccess(tx: Db, ids: readonly string[]): Promise<Map<string, AccountAccess>> {
  const rows = await tx.query<{ id: string; tier_id: string; audience: string }>(
    'SELECT id, tier_id, audience FROM accounts WHERE id = ANY($1::text[])',
    [ids],
  );
  return new Map(rows.map((row) => [row.id, { tierId: row.tier_id, audience: row.audience }]));
}
