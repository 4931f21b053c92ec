/**
 * `npm run bench`: measures every SPEC §7 figure of the built extension in real Chromium against the
 * reference backend holding a generated data set at scale, load-tests the backend, and writes one JSON
 * report (bench-results/) plus a table on stdout. It measures; a missed budget is reported, not fatal.
 */
import { loadavg } from 'node:os';
import type { Account, Snapshot } from '../../lib/schemas/index.ts';
import { createToken, SHOWCASE } from '../../server/index.ts';
import { removeProfile } from '../../test/e2e/browser.ts';
import { measureAdminUpsert } from './admin-upsert.ts';
import { type BenchBackend, type StorageKind, startBenchBackend } from './backend.ts';
import { measureCsvImport } from './csv-import.ts';
import { measureDeltaSync } from './delta-sync.ts';
import { measureDomFootprint } from './dom-footprint.ts';
import { type BenchBrowser, controlWorker, launchBenchBrowser, openConnectedOptions } from './extension.ts';
import { BUDGETS, type Figure, type FigureId, unavailable } from './figures.ts';
import { measureFirstSync } from './first-sync.ts';
import { benchSnapshot, GENERATED_ACCOUNT_PREFIX } from './generate.ts';
import { recordPanelHeadings } from './in-page.ts';
import { measureLeadView } from './lead-view.ts';
import { loadTest } from './load.ts';
import { measureLookup } from './lookup.ts';
import { describeMachine } from './machine.ts';
import { measureNavigation } from './navigation.ts';
import { measureOneClick } from './one-click.ts';
import { measurePageLoad } from './page-load.ts';
import { type BenchReport, printTable, writeReport } from './report.ts';
import { measureContentScriptSize } from './size.ts';
import { measureTierPreview } from './tier-preview.ts';

const started = performance.now();
const seconds = () => Math.round((performance.now() - started) / 100) / 10;
const log = (message: string) =>
  console.log(`[bench ${String(Math.round(seconds())).padStart(4)} s] ${message}`);
const reasonOf = (error: unknown) =>
  error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);

const figures: Figure[] = [];

/** Runs one measurement; if it throws, its figures are recorded as unmeasured, with the reason. */
async function attempt(ids: FigureId[], measure: () => Promise<Figure | Figure[]>): Promise<void> {
  log(`measuring ${ids.join(', ')}`);
  try {
    const result = await measure();
    figures.push(...(Array.isArray(result) ? result : [result]));
  } catch (error) {
    log(`  could not measure: ${reasonOf(error)}`);
    figures.push(
      ...ids.map((id) => unavailable(id, reasonOf(error), 'the measurement failed before a number')),
    );
  }
}

/** `count` generated accounts from `offset` on, spread out so that each run meets another account. */
function spread(accounts: readonly Account[], offset: number, count: number): Account[] {
  return Array.from({ length: count }, (_, i) => accounts[(offset + i * 997) % accounts.length] as Account);
}

/** Every figure that needs the extension in Chromium, in an order where each leaves the next a known state. */
async function measureInBrowser(browser: BenchBrowser, backend: BenchBackend, snapshot: Snapshot) {
  const { context, extensionId } = browser;
  const generated = snapshot.accounts.filter((a) => a.id.startsWith(GENERATED_ACCOUNT_PREFIX));
  const token = await createToken(backend.server.db, SHOWCASE.users.lead.email);
  const options = await openConnectedOptions(browser, backend.server.url, token);
  await attempt(['firstSync'], () => measureFirstSync(options, snapshot.accounts.length));
  await attempt(['deltaSync'], () => measureDeltaSync(options, backend.server, generated));
  // The options page polls the background every few seconds, which would wake a stopped worker.
  await options.close();
  await attempt(['leadViewFirstRow'], () => measureLeadView(context, extensionId));
  await attempt(['accountLookup'], () => measureLookup(context, extensionId, generated));

  const page = await context.newPage();
  await page.addInitScript(recordPanelHeadings);
  await attempt(['pageLoad'], () => measurePageLoad(page, spread(generated, 5_000, 60)));
  await attempt(['navigationWarm'], () =>
    measureNavigation(page, spread(generated, 10_000, 50), { runs: 40, warmup: 3 }),
  );
  await attempt(['navigationColdWorker'], async () => {
    const worker = await controlWorker(context, page, extensionId);
    try {
      return await measureNavigation(page, spread(generated, 20_000, 40), { runs: 30, warmup: 1, worker });
    } finally {
      await worker.detach();
    }
  });
  await attempt(['oneClickRender', 'oneClickDurable'], () => measureOneClick(page, snapshot.keyResults));
  await attempt(['domNodesNonAccount'], () => measureDomFootprint(page));
}

/** The load test on PGlite, and on Postgres when DATABASE_URL names one; reuses `backend` where it fits. */
async function measureBackendLoad(
  backend: BenchBackend,
  snapshot: Snapshot,
): Promise<BenchReport['backendLoad']> {
  const reports: BenchReport['backendLoad'] = [];
  for (const storage of ['pglite', 'postgres'] as const) {
    if (storage === 'postgres' && !process.env.DATABASE_URL) {
      reports.push({ storage, result: null, reason: 'DATABASE_URL is not set' });
      continue;
    }
    log(`load-testing the backend on ${storage}`);
    let target: BenchBackend | undefined;
    try {
      target = storage === backend.storage ? backend : await startBenchBackend(storage, snapshot);
      reports.push(await loadTest(target, snapshot));
    } catch (error) {
      log(`  could not load-test: ${reasonOf(error)}`);
      reports.push({ storage, result: null, reason: reasonOf(error) });
    } finally {
      if (target && target !== backend) await target.close();
    }
  }
  return reports;
}

async function main() {
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  log('generating the data set');
  const snapshot = benchSnapshot();
  await attempt(['contentScriptGzip', 'accountPageScriptsGzip'], measureContentScriptSize);

  const storage: StorageKind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  log(`importing it into the reference backend on ${storage}`);
  const backend = await startBenchBackend(storage, snapshot);
  log(`imported in ${backend.importSeconds.toFixed(1)} s; launching Chromium`);
  let chromium = 'unknown: Chromium did not start';
  let notRun = 'Chromium with the extension could not be started';
  try {
    const browser = await launchBenchBrowser();
    chromium = browser.chromiumVersion;
    try {
      await measureInBrowser(browser, backend, snapshot);
    } finally {
      await browser.context.close();
      await removeProfile(browser.profileDir);
    }
  } catch (error) {
    notRun = `the browser part stopped: ${reasonOf(error)}`;
    log(notRun);
  }
  const backendLoad = await measureBackendLoad(backend, snapshot);
  await backend.close();
  log('upserting 100 000 metrics through the admin API, beside a bare INSERT');
  const adminUpsert = await measureAdminUpsert(storage).catch((error: unknown) => ({
    storage,
    result: null,
    reason: reasonOf(error),
  }));
  log('importing 50 000 accounts from CSV, beside parsing it and a bare INSERT');
  const csvImport = await measureCsvImport(storage).catch((error: unknown) => ({
    storage,
    result: null,
    reason: reasonOf(error),
  }));

  log('previewing a tier change over 50 000 accounts, beside one plain pass');
  const tierPreview = (() => {
    try {
      return measureTierPreview();
    } catch (error) {
      return { result: null, reason: reasonOf(error) };
    }
  })();

  const report: BenchReport = {
    startedAt,
    runtimeSeconds: seconds(),
    machine: describeMachine(chromium, loadAtStart),
    dataSet: {
      storage,
      importSeconds: Math.round(backend.importSeconds * 10) / 10,
      accounts: snapshot.accounts.length,
      metrics: snapshot.metrics.length,
      keyResults: snapshot.keyResults.length,
      objectives: snapshot.objectives.length,
    },
    // In the budget table's order; a figure whose measurement never started is still listed, as null.
    figures: (Object.keys(BUDGETS) as FigureId[]).map(
      (id) => figures.find((f) => f.id === id) ?? unavailable(id, notRun, 'not run'),
    ),
    backendLoad,
    adminUpsert,
    csvImport,
    tierPreview,
  };
  const path = await writeReport(report);
  printTable(report);
  console.log(`\nWrote ${path} and bench-results/latest.json`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
