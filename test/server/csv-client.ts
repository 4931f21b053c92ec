import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CsvImportReport } from '../../lib/schemas/csv.ts';
import type { Account } from '../../lib/schemas/index.ts';
import type { Db } from '../../server/db/types.ts';
import type { Harness, USERS } from './fixtures.ts';

export const CSV_FIXTURES = join('test', 'fixtures', 'csv');
export const readFixture = (name: string) => readFile(join(CSV_FIXTURES, name), 'utf8');

/** POSTs CSV text to the import route as `who`; the status and the report. */
export async function importCsvText(
  h: Harness,
  collection: string,
  csv: string,
  options: { dryRun?: boolean; map?: Record<string, string | null>; who?: keyof typeof USERS } = {},
): Promise<{ status: number; body: CsvImportReport }> {
  const query = new URLSearchParams({ dryRun: String(options.dryRun ?? false) });
  if (options.map) query.set('map', JSON.stringify(options.map));
  const response = await h.app.request(`/v1/admin/import/${collection}?${query}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${h.tokens[options.who ?? 'admin']}`, 'Content-Type': 'text/csv' },
    body: csv,
  });
  return { status: response.status, body: (await response.json()) as CsvImportReport };
}

export async function exportCsvText(h: Harness, collection: string): Promise<string> {
  const response = await h.get(`/v1/admin/export/${collection}.csv`, 'admin');
  if (response.status !== 200)
    throw new Error(`export ${collection}: ${response.status} ${await response.text()}`);
  return response.text();
}

export async function storedAccounts(db: Db): Promise<Map<string, Account>> {
  const rows = await db.query<{ data: Account }>('SELECT data FROM accounts');
  return new Map(rows.map((row) => [row.data.id, row.data]));
}

/** How many feed rows exist: an import that applies nothing adds none. */
export async function feedSize(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM changes');
  return Number(row?.n ?? 0);
}
