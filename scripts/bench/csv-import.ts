import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { parseCsv } from '../../lib/csv/parse.ts';
import type { Snapshot } from '../../lib/schemas/index.ts';
import { createToken } from '../../server/index.ts';
import { type BenchBackend, type StorageKind, startBenchBackend } from './backend.ts';

const ADMIN = {
  id: 'bench-admin',
  name: 'Bench Admin',
  email: 'bench-admin@example.com',
  role: 'admin',
} as const;
const OWNERS = Array.from({ length: 20 }, (_, i) => ({
  id: `owner-${i}`,
  name: `Owner ${i}`,
  email: `owner-${i}@example.com`,
  role: 'csm' as const,
}));
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export interface CsvImportBenchReport {
  storage: StorageKind;
  accounts: number;
  csvBytes: number;
  /** POST /v1/admin/import/accounts with a Salesforce-report-shaped file, every row new: upload to applied. */
  importSeconds: number;
  /** Same run: parsing the same file alone (the CSV parser, no mapping or checks). */
  baselineParseSeconds: number;
  /** Same run, same database: the same accounts INSERTed straight into a copy of the accounts table. */
  baselineInsertSeconds: number;
  /** importSeconds ÷ (baselineParseSeconds + baselineInsertSeconds). */
  ratio: number;
}

/** A 15-char Salesforce-looking account id for row `i`. */
function salesforceId(i: number): string {
  let digits = '';
  for (let n = i, k = 0; k < 10; k++, n = Math.floor(n / 62)) digits = BASE62.charAt(n % 62) + digits;
  return `001Wj${digits}`;
}

/** A Salesforce "Details Only" report export of `count` accounts, footer included. */
export function salesforceExport(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => [
    OWNERS[i % OWNERS.length]?.name ?? '',
    `Account ${i}, Inc.`,
    i % 3 === 0 ? 'Customer - Direct' : 'Customer - Channel',
    ['Technology', 'Banking', 'Healthcare', 'Retail'][i % 4] ?? '',
    `https://www.account-${i}.example/`,
    ['United States', 'Germany', 'France'][i % 3] ?? '',
    salesforceId(i),
    `$${((i % 500) * 100_000).toLocaleString('en-US')}.00`,
    (10 + (i % 5000)).toLocaleString('en-US'),
    `$${((i * 37) % 2_000_000).toLocaleString('en-US')}.00`,
    '3/30/2026',
  ]);
  const fields = [
    'Account Owner',
    'Account Name',
    'Type',
    'Industry',
    'Website',
    'Billing Country',
    'Account ID',
    'Annual Revenue',
    'Employees',
    'ARR',
    'Last Modified Date',
  ];
  const body = Papa.unparse({ fields, data: rows }, { quotes: true, newline: '\r\n' });
  return `${body}\r\n\r\n\r\n"Grand Totals (${count} records)"\r\n\r\n"Confidential Information - Do Not Distribute"\r\n`;
}

function referenceData(): Snapshot {
  return {
    users: [{ ...ADMIN }, ...OWNERS],
    tiers: [{ id: 'tier-1', name: 'Tier 1', rank: 1, criteria: {}, benchmarks: [] }],
    accounts: [],
    objectives: [],
    keyResults: [],
    metricDefinitions: [],
    metrics: [],
  };
}

async function timed(fn: () => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return Math.round(performance.now() - started) / 1000;
}

/** The bare write: the same number of accounts into a copy of the accounts table, 2 000 a statement. */
async function insertAll(backend: BenchBackend, count: number): Promise<void> {
  const db = backend.server.db;
  await db.query('CREATE TABLE bench_accounts (LIKE accounts INCLUDING ALL)');
  for (let at = 0; at < count; at += 2000) {
    const rows = Array.from({ length: Math.min(2000, count - at) }, (_, k) => {
      const id = `salesforce-${salesforceId(at + k)}`;
      const data = { id, name: `Account ${at + k}, Inc.`, crmRefs: [], tierId: 'tier-1', attributes: {} };
      return {
        id,
        owner_id: OWNERS[(at + k) % OWNERS.length]?.id,
        tier_id: 'tier-1',
        audience: 'lead',
        data,
      };
    });
    await db.query(
      `INSERT INTO bench_accounts (id, owner_id, tier_id, audience, data)
       SELECT id, owner_id, tier_id, audience, data
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, owner_id text, tier_id text, audience text, data jsonb)`,
      [JSON.stringify(rows)],
    );
  }
}

/** A CSV import of `count` accounts through the admin route (SPEC section 7: ≤ 30 s embedded), beside its baselines. */
export async function measureCsvImport(storage: StorageKind, count = 50_000): Promise<CsvImportBenchReport> {
  const backend = await startBenchBackend(storage, referenceData());
  try {
    const token = await createToken(backend.server.db, ADMIN.email);
    const csv = salesforceExport(count);
    const baselineParseSeconds = await timed(() => parseCsv(csv));
    const baselineInsertSeconds = await timed(() => insertAll(backend, count));
    const importSeconds = await timed(async () => {
      const response = await fetch(`${backend.server.url}/v1/admin/import/accounts?dryRun=false`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' },
        body: csv,
      });
      const report = (await response.json()) as { counts: { created: number } };
      if (response.status !== 200 || report.counts.created !== count) {
        throw new Error(`CSV import answered ${response.status}: ${JSON.stringify(report).slice(0, 500)}`);
      }
    });
    return {
      storage,
      accounts: count,
      csvBytes: Buffer.byteLength(csv),
      importSeconds,
      baselineParseSeconds,
      baselineInsertSeconds,
      ratio: Math.round((importSeconds / (baselineParseSeconds + baselineInsertSeconds)) * 10) / 10,
    };
  } finally {
    await backend.close();
  }
}

// `tsx scripts/bench/csv-import.ts [count]` runs this piece alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = Number(process.argv[2] ?? 50_000);
  const storage: StorageKind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  console.log(JSON.stringify(await measureCsvImport(storage, count), null, 2));
}
