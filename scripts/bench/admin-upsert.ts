import { pathToFileURL } from 'node:url';
import type { Metric, Snapshot } from '../../lib/schemas/index.ts';
import { createToken } from '../../server/index.ts';
import { type BenchBackend, type StorageKind, startBenchBackend } from './backend.ts';

const BATCH = 5000;
const KEYS = 10;
const ADMIN = {
  id: 'bench-admin',
  name: 'Bench Admin',
  email: 'bench-admin@example.com',
  role: 'admin',
} as const;
const AS_OF = '2026-11-16T09:00:00.000Z';

export interface AdminUpsertReport {
  storage: StorageKind;
  metrics: number;
  batchSize: number;
  /** PUT /v1/admin/metrics, every batch over HTTP, all rows new. */
  upsertSeconds: number;
  /** The same batches sent again: every row unchanged, nothing written. */
  resendSeconds: number;
  /** Same run, same database: the same rows INSERTed straight into a copy of the metrics table. */
  baselineInsertSeconds: number;
  /** upsertSeconds ÷ baselineInsertSeconds. */
  ratio: number;
}

/** Accounts and metric definitions for `count` metrics, KEYS per account. */
function referenceData(count: number): Snapshot {
  const accounts = Math.ceil(count / KEYS);
  return {
    users: [{ ...ADMIN }],
    tiers: [{ id: 'tier-1', name: 'Tier 1', rank: 1, criteria: {}, benchmarks: [] }],
    accounts: Array.from({ length: accounts }, (_, i) => ({
      id: `acc-${i}`,
      name: `Account ${i}`,
      crmRefs: [],
      tierId: 'tier-1',
      attributes: {},
      updatedAt: AS_OF,
    })),
    objectives: [],
    keyResults: [],
    metricDefinitions: Array.from({ length: KEYS }, (_, k) => ({
      key: `m${k}`,
      label: `Metric ${k}`,
      perspective: 'customer' as const,
      unit: 'score',
      direction: 'higher_is_better' as const,
      good: 70,
      warn: 40,
      weight: 1,
    })),
    metrics: [],
  };
}

function metrics(count: number): Metric[] {
  return Array.from({ length: count }, (_, i) => ({
    accountId: `acc-${Math.floor(i / KEYS)}`,
    key: `m${i % KEYS}`,
    value: (i * 37) % 100,
    asOf: AS_OF,
  }));
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await fn();
  return Math.round(performance.now() - started) / 1000;
}

async function putAll(backend: BenchBackend, token: string, rows: Metric[]): Promise<void> {
  for (let at = 0; at < rows.length; at += BATCH) {
    const response = await fetch(`${backend.server.url}/v1/admin/metrics`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ items: rows.slice(at, at + BATCH) }),
    });
    if (response.status !== 200) throw new Error(`PUT answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  }
}

/** The bare write: the same rows into a copy of the metrics table, batch by batch, no checks, no feed. */
async function insertAll(backend: BenchBackend, rows: Metric[]): Promise<void> {
  const db = backend.server.db;
  await db.query('CREATE TABLE bench_metrics (LIKE metrics INCLUDING ALL)');
  for (let at = 0; at < rows.length; at += BATCH) {
    const json = JSON.stringify(
      rows
        .slice(at, at + BATCH)
        .map((m) => ({ id: `${m.accountId}:${m.key}`, account_id: m.accountId, key: m.key, data: m })),
    );
    await db.query(
      `INSERT INTO bench_metrics (id, account_id, key, data)
       SELECT id, account_id, key, data FROM jsonb_to_recordset($1::jsonb) AS x(id text, account_id text, key text, data jsonb)`,
      [json],
    );
  }
}

/** A pipeline's upsert of `count` metrics through the admin API, beside a bare INSERT of the same rows. */
export async function measureAdminUpsert(storage: StorageKind, count = 100_000): Promise<AdminUpsertReport> {
  const backend = await startBenchBackend(storage, referenceData(count));
  try {
    const token = await createToken(backend.server.db, ADMIN.email);
    const rows = metrics(count);
    const baselineInsertSeconds = await timed(() => insertAll(backend, rows));
    const upsertSeconds = await timed(() => putAll(backend, token, rows));
    const resendSeconds = await timed(() => putAll(backend, token, rows));
    return {
      storage,
      metrics: count,
      batchSize: BATCH,
      upsertSeconds,
      resendSeconds,
      baselineInsertSeconds,
      ratio: Math.round((upsertSeconds / baselineInsertSeconds) * 10) / 10,
    };
  } finally {
    await backend.close();
  }
}

// `tsx scripts/bench/admin-upsert.ts [count]` runs this piece alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = Number(process.argv[2] ?? 100_000);
  const storage: StorageKind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  console.log(JSON.stringify(await measureAdminUpsert(storage, count), null, 2));
}
