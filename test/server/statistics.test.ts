import { describe, expect, it } from 'vitest';
import { BULK_WRITE_ROWS } from '../../server/db/statistics.ts';
import type { Db } from '../../server/db/types.ts';
import { BACKENDS } from './backends.ts';
import { importCsvText } from './csv-client.ts';
import { testHarness } from './suite-harness.ts';

/** The planner's idea of how many accounts there are, which only ANALYZE (or autovacuum) refreshes. */
async function plannedAccounts(db: Db): Promise<number> {
  const [row] = await db.query<{ reltuples: number }>(
    `SELECT reltuples FROM pg_class WHERE oid = to_regclass('accounts')`,
  );
  return Number(row?.reltuples);
}

function accountsCsv(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => `bulk-${i},Bulk ${i},t1`);
  return ['id,name,tierId', ...rows].join('\n');
}

describe.each(BACKENDS)('planner statistics on $name', (backend) => {
  const h = testHarness(backend);

  it('are refreshed after a bulk CSV import, so feed pages keep walking the seq index', async () => {
    const applied = await importCsvText(h, 'accounts', accountsCsv(BULK_WRITE_ROWS));
    expect(applied.body.problems).toEqual([]);
    expect(await plannedAccounts(h.db)).toBeGreaterThanOrEqual(BULK_WRITE_ROWS);
  });

  it('are refreshed after a bulk upsert through the admin API', async () => {
    const items = Array.from({ length: BULK_WRITE_ROWS }, (_, i) => ({
      id: `api-${i}`,
      name: `Api ${i}`,
      tierId: 't1',
      crmRefs: [],
      attributes: {},
    }));
    const response = await h.app.request('/v1/admin/accounts', {
      method: 'PUT',
      headers: { Authorization: `Bearer ${h.tokens.admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ items }),
    });
    expect(response.status).toBe(200);
    expect(await plannedAccounts(h.db)).toBeGreaterThanOrEqual(BULK_WRITE_ROWS);
  });
});
