import { crmRefKey } from '../../lib/csv/assemble.ts';
import type { Directory } from '../../lib/csv/cells.ts';
import type { EntityType, Tier } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import { chunks, TABLES } from '../store/tables.ts';

/** Users and tiers, for cells that name them by email or name; tiers whole, for their criteria. */
export async function loadDirectory(db: Db): Promise<Directory & { tiers: Tier[] }> {
  const users = await db.query<{ id: string; email: string; name: string }>(
    `SELECT id, data->>'email' AS email, data->>'name' AS name FROM users`,
  );
  const tiers = await db.query<{ data: Tier }>('SELECT data FROM tiers');
  return { users, tiers: tiers.map((row) => row.data) };
}

/**
 * Every stored CRM record of every account (`salesforce:001…` → account id). Should two accounts
 * carry the same record, the first by id wins, the same one every time.
 */
export async function loadAccountsByCrmRef(db: Db): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; crm: string; ref: string }>(
    `SELECT a.id, r->>'crm' AS crm, r->>'id' AS ref
     FROM accounts a CROSS JOIN LATERAL jsonb_array_elements(a.data->'crmRefs') r
     ORDER BY a.id DESC`,
  );
  return new Map(rows.map((row) => [crmRefKey(row.crm, row.ref), row.id]));
}

/** The stored entities among `ids`, by id. */
export async function loadStored(
  db: Db,
  type: EntityType,
  ids: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const part of chunks(ids)) {
    const rows = await db.query<{ id: string; data: Record<string, unknown> }>(
      `SELECT id, data FROM ${TABLES[type].table} WHERE id = ANY($1::text[])`,
      [part],
    );
    for (const row of rows) out.set(row.id, row.data);
  }
  return out;
}
