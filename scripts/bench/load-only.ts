/**
 * `npm run bench:load`: only the backend load test of `npm run bench` (no browser, no build), on PGlite
 * and, when DATABASE_URL is set, on Postgres. Writes bench-results/load-latest.json and prints the rows.
 * `-- --storage postgres` (or `pglite`) load-tests that one alone, for working on it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchSnapshot } from './generate.ts';
import { loadTestEachStorage } from './load.ts';
import { printBackendLoad } from './report.ts';

const started = performance.now();
const log = (message: string) =>
  console.log(
    `[bench:load ${String(Math.round((performance.now() - started) / 1000)).padStart(4)} s] ${message}`,
  );

const storageArg = parseArgs({ options: { storage: { type: 'string' } } }).values.storage;
const STORAGES = ['pglite', 'postgres'] as const;
const storage = STORAGES.find((kind) => kind === storageArg);
if (storageArg !== undefined && storage === undefined) {
  throw new Error(`--storage must be pglite or postgres, not "${storageArg}"`);
}

async function main() {
  const loadAverage = { atStart: loadavg()[0] ?? Number.NaN, atEnd: Number.NaN };
  log('generating the data set');
  const backendLoad = await loadTestEachStorage(
    benchSnapshot(),
    log,
    undefined,
    storage === undefined ? undefined : [storage],
  );
  loadAverage.atEnd = loadavg()[0] ?? Number.NaN;
  const report = { startedAt: new Date().toISOString(), loadAverage, backendLoad };
  await mkdir('bench-results', { recursive: true });
  const path = join('bench-results', 'load-latest.json');
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  printBackendLoad(backendLoad);
  console.log(`\nLoad average ${loadAverage.atStart} → ${loadAverage.atEnd}. Wrote ${path}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
