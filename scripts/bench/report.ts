import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AdminUpsertReport } from './admin-upsert.ts';
import type { CsvImportBenchReport } from './csv-import.ts';
import type { Figure } from './figures.ts';
import type { LoadReport } from './load.ts';
import type { Machine } from './machine.ts';
import { formatTable, tableRow } from './table.ts';
import type { TierPreviewReport } from './tier-preview.ts';

export interface BenchReport {
  startedAt: string;
  runtimeSeconds: number;
  machine: Machine;
  dataSet: Record<string, unknown>;
  figures: Figure[];
  /** Per storage; null with a reason when that storage was not tested. */
  backendLoad: (LoadReport | { storage: string; result: null; reason: string })[];
  /** 100 000 metrics through PUT /v1/admin/metrics beside a bare INSERT of the same rows. */
  adminUpsert: AdminUpsertReport | { storage: string; result: null; reason: string };
  /** 50 000 accounts from a Salesforce-shaped CSV through the import route, beside parsing it and a bare INSERT. */
  csvImport: CsvImportBenchReport | { storage: string; result: null; reason: string };
  /** The admin workspace's tier preview over the run's accounts (budget 1 s), beside one plain classifying pass. */
  tierPreview: TierPreviewReport | { result: null; reason: string };
}

const DIR = 'bench-results';

/** Writes the report under a timestamped name and as latest.json; returns the timestamped path. */
export async function writeReport(report: BenchReport): Promise<string> {
  await mkdir(DIR, { recursive: true });
  const text = `${JSON.stringify(report, null, 2)}\n`;
  const path = join(DIR, `bench-${report.startedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(path, text);
  await writeFile(join(DIR, 'latest.json'), text);
  return path;
}

export function printTable(report: BenchReport): void {
  console.log('\nGoal Lens benchmark (SPEC §7): each figure beside a baseline measured in the same run\n');
  console.log(formatTable(report.figures.map(tableRow)));
  printBackendLoad(report.backendLoad);
  const upsert = report.adminUpsert;
  console.log(
    'upsertSeconds' in upsert
      ? `\nAdmin upsert of ${upsert.metrics} metrics on ${upsert.storage}, batches of ${upsert.batchSize}: ${upsert.upsertSeconds} s (sent again, unchanged: ${upsert.resendSeconds} s) vs bare INSERT ${upsert.baselineInsertSeconds} s, ratio ${upsert.ratio}`
      : `\nAdmin upsert on ${upsert.storage}: not run (${upsert.reason})`,
  );
  const csv = report.csvImport;
  console.log(
    'importSeconds' in csv
      ? `CSV import of ${csv.accounts} accounts (${(csv.csvBytes / 1e6).toFixed(1)} MB) on ${csv.storage}: ${csv.importSeconds} s vs parse ${csv.baselineParseSeconds} s + bare INSERT ${csv.baselineInsertSeconds} s, ratio ${csv.ratio} (budget 30 s embedded)`
      : `CSV import on ${csv.storage}: not run (${csv.reason})`,
  );
  const preview = report.tierPreview;
  console.log(
    'previewMs' in preview
      ? `Tier preview at ${preview.accounts} accounts: ${preview.previewMs} ms vs one plain pass ${preview.baselineMs} ms, ratio ${preview.ratio} (budget ${preview.budgetMs} ms)`
      : `Tier preview: not run (${preview.reason})`,
  );
  const { os, cpus, loadAverage } = report.machine;
  console.log(
    `\nMachine: ${os}, ${cpus.count}× ${cpus.model}, load average ${loadAverage.atStart} → ${loadAverage.atEnd}`,
  );
  console.log(`Runtime: ${report.runtimeSeconds} s`);
}

/** The load test's rows, one table per storage. */
export function printBackendLoad(loads: BenchReport['backendLoad']): void {
  for (const load of loads) {
    if (!('scenarios' in load)) {
      console.log(`Backend load on ${load.storage}: not run (${load.reason})`);
      continue;
    }
    console.log(`\nBackend load on ${load.storage}, ${load.concurrency} concurrent clients:`);
    console.table(
      load.scenarios.map((s) => ({
        scenario: s.name,
        'req/s': s.requestsPerSecond,
        'p50 ms': s.latencyMs.p50,
        'p95 ms': s.latencyMs.p95,
        'p99 ms': s.latencyMs.p99,
        requests: s.requests,
        failed: s.failed,
        'retried after 503/429': s.retried,
        'server loop blocked, max ms': s.serverEventLoopDelayMs.max,
        'of it busy (CPU), max ms': s.serverEventLoopDelayMs.busyMax,
      })),
    );
  }
}
