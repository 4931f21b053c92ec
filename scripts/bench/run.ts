/**
 * `npm run bench`: measures every SPEC §7 figure of the built extension in real Chromium against the
 * reference backend holding a generated data set at scale, load-tests the backend, and writes one JSON
 * report (bench-results/) plus a table on stdout. It measures; a missed budget is reported, not fatal.
 *
 * `-- --accounts 250000` runs the large-book rows instead: the first sync with the service worker's
 * peak heap, then lookup, navigation, the book view's first row and the tier preview at that size. `-- --only firstSync,accountLookup` measures
 * only the named figures (and skips the backend load, admin and CSV runs).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Account, Snapshot } from '../../lib/schemas/index.ts';
import { createToken, demoSnapshot, SHOWCASE } from '../../server/index.ts';
import { removeProfile } from '../../test/e2e/browser.ts';
import { connectAndSync } from '../../test/e2e/options.ts';
import { measureAdminUpsert } from './admin-upsert.ts';
import { type BenchBackend, type StorageKind, startBenchBackend } from './backend.ts';
import { type Baseline, withBaseline } from './baseline.ts';
import { measureBookView } from './book-view.ts';
import { measureCsvImport } from './csv-import.ts';
import { measureDeltaSync } from './delta-sync.ts';
import { measureDomFootprint } from './dom-footprint.ts';
import {
  type BenchBrowser,
  controlWorker,
  extensionWorker,
  launchBenchBrowser,
  openConnectedOptions,
  type WorkerControl,
} from './extension.ts';
import { BUDGETS, type Figure, type FigureId, unavailable } from './figures.ts';
import { measureFirstSync } from './first-sync.ts';
import { benchSnapshot, DEFAULT_ACCOUNTS, GENERATED_ACCOUNT_PREFIX } from './generate.ts';
import { recordPanelHeadings } from './in-page.ts';
import { measureLive } from './live.ts';
import { loadTestEachStorage } from './load.ts';
import { measureLookup } from './lookup.ts';
import { describeMachine } from './machine.ts';
import { measureNavigation } from './navigation.ts';
import { measureOneClick } from './one-click.ts';
import { parseOnly } from './only.ts';
import { frameBaseline, roundTripBaseline, timeRoundTrips } from './page-baselines.ts';
import { measurePageLoad } from './page-load.ts';
import { type BenchReport, printTable, writeReport } from './report.ts';
import { measureContentScriptSize } from './size.ts';
import { deltaSyncBaseline, firstSyncBaseline } from './sync-baselines.ts';
import { measureTierPreview } from './tier-preview.ts';
import { sampleWorkerHeap } from './worker-heap.ts';

const args = parseArgs({
  options: { accounts: { type: 'string' }, only: { type: 'string' }, 'live-only': { type: 'boolean' } },
}).values;
const accounts = Number(args.accounts ?? DEFAULT_ACCOUNTS);
if (!Number.isInteger(accounts) || accounts < 1_000) {
  throw new Error(`--accounts must be a whole number of at least 1000, not "${args.accounts}"`);
}
/** The large book's rows (SPEC §7): the first sync, lookup, navigation and the book view's first row. */
const LARGE_BOOK_FIGURES: FigureId[] = [
  'firstSync',
  'accountLookup',
  'navigationWarm',
  'navigationColdWorker',
  'bookViewFirstRow',
];

const started = performance.now();
const seconds = () => Math.round((performance.now() - started) / 100) / 10;
const log = (message: string) =>
  console.log(`[bench ${String(Math.round(seconds())).padStart(4)} s] ${message}`);
const reasonOf = (error: unknown) =>
  error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);

const figures: Figure[] = [];
/** `--only a,b`: just these figures (and the first sync, which fills the cache the others read). */
const only =
  parseOnly(process.argv.slice(2), Object.keys(BUDGETS) as FigureId[]) ??
  (accounts === DEFAULT_ACCOUNTS ? null : LARGE_BOOK_FIGURES);
const wanted = (ids: FigureId[]) => only === null || ids.some((id) => only.includes(id));

/** Runs one measurement; if it throws, its figures are recorded as unmeasured, with the reason. */
async function attempt(ids: FigureId[], measure: () => Promise<Figure | Figure[]>): Promise<void> {
  if (!wanted(ids) && !ids.includes('firstSync')) return;
  log(`measuring ${ids.join(', ')}`);
  try {
    const result = await measure();
    figures.push(...(Array.isArray(result) ? result : [result]).filter((f) => wanted([f.id])));
  } catch (error) {
    log(`  could not measure: ${reasonOf(error)}`);
    figures.push(
      ...ids
        .filter((id) => wanted([id]))
        .map((id) => unavailable(id, reasonOf(error), 'the measurement failed before a number')),
    );
  }
}

/** A figure beside its baseline; a baseline that could not be measured is reported with its reason. */
async function beside(figure: Figure, baseline: () => Promise<Baseline>): Promise<Figure> {
  if (figure.value === null) return figure;
  try {
    return withBaseline(figure, await baseline());
  } catch (error) {
    log(`  could not measure the baseline of ${figure.id}: ${reasonOf(error)}`);
    return withBaseline(figure, {
      label: 'baseline',
      value: null,
      method: 'not measured',
      reason: reasonOf(error),
    });
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
  const feed = { backendUrl: backend.server.url, token };
  const worker = () => extensionWorker(context, extensionId);
  await attempt(['firstSync'], async () =>
    beside(
      await measureFirstSync(options, snapshot.accounts.length, () =>
        sampleWorkerHeap(context, options, extensionId),
      ),
      async () => firstSyncBaseline(await worker(), feed),
    ),
  );
  await attempt(['deltaSync'], async () =>
    beside(await measureDeltaSync(options, backend.server, generated), async () =>
      deltaSyncBaseline(await worker(), feed, 100),
    ),
  );
  // The options page polls the background every few seconds, which would wake a stopped worker.
  await options.close();
  await attempt(['bookViewFirstRow'], () => measureBookView(context, extensionId));
  await attempt(['accountLookup'], () => measureLookup(context, extensionId, generated));

  const page = await context.newPage();
  await page.addInitScript(recordPanelHeadings);
  await attempt(['pageLoad', 'pageLoadAfterPaint'], () =>
    measurePageLoad(page, spread(generated, 5_000, 60)),
  );
  /** Where a navigation's time goes: the panel's own request (its background share) plus one frame. */
  const withPanelRequest = async (figure: Figure, worker?: WorkerControl): Promise<Figure> => {
    const recordId = generated[0]?.crmRefs[0]?.id ?? '';
    const message = { type: 'panel/view', payload: { crm: 'salesforce', recordId } };
    const panelViewAndFrame = await timeRoundTrips(page, extensionId, {
      runs: 30,
      warmup: 2,
      worker,
      message,
    });
    const method =
      `${figure.method} details.panelViewAndFrame: the panel's own request for an account ` +
      "(panel/view), sent from the content script's world like the baseline's, plus one frame: the " +
      "background's share of the figure; the rest is the content script and the panel's render.";
    return { ...figure, method, details: { ...figure.details, panelViewAndFrame } };
  };
  await attempt(['navigationWarm'], async () =>
    beside(
      await withPanelRequest(
        await measureNavigation(page, spread(generated, 10_000, 50), { runs: 40, warmup: 3 }),
      ),
      () => roundTripBaseline(page, extensionId, { runs: 40, warmup: 3 }),
    ),
  );
  await attempt(['navigationColdWorker'], async () => {
    const control = await controlWorker(context, page, extensionId);
    try {
      const figure = await measureNavigation(page, spread(generated, 20_000, 40), {
        runs: 30,
        warmup: 1,
        worker: control,
      });
      return await beside(await withPanelRequest(figure, control), () =>
        roundTripBaseline(page, extensionId, { runs: 30, warmup: 1, worker: control }),
      );
    } finally {
      await control.detach();
    }
  });
  await attempt(['oneClickRender', 'oneClickDurable'], async () => {
    const [render, durable] = await measureOneClick(page, snapshot.keyResults);
    if (!render || !durable) throw new Error('the one-click measurement returned no figures');
    return [
      await beside(render, () => frameBaseline(page, 'p95')),
      await beside(durable, () => roundTripBaseline(page, extensionId, { runs: 30, warmup: 2 })),
    ];
  });
  await attempt(['domNodesNonAccount'], () => measureDomFootprint(page));
  await attempt(LIVE_FIGURES, () => measureLive(context, backend.server, snapshot.keyResults));
}

/** The budget table's labels name the default book's size; a larger run names its own. */
function atBookSize(figure: Figure): Figure {
  if (accounts === DEFAULT_ACCOUNTS) return figure;
  return { ...figure, label: figure.label.replace('50k', `${Math.round(accounts / 1000)}k`) };
}

const LIVE_FIGURES: FigureId[] = ['liveChange', 'liveRevisit', 'liveIdleRequestsPerHour'];

/**
 * `--live-only`: the live figures alone, over the demo data set (they need no scale), for working on
 * them without the whole bench. Prints the table; writes no report, which must come from a full run.
 */
async function measureLiveOnly() {
  const storage: StorageKind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const snapshot = demoSnapshot();
  const backend = await startBenchBackend(storage, snapshot);
  const browser = await launchBenchBrowser();
  try {
    const token = await createToken(backend.server.db, SHOWCASE.users.lead.email);
    await connectAndSync(browser.context, browser.extensionId, backend.server.url, token);
    await attempt(LIVE_FIGURES, () => measureLive(browser.context, backend.server, snapshot.keyResults));
  } finally {
    await browser.context.close();
    await removeProfile(browser.profileDir);
    await backend.close();
  }
  for (const figure of figures) {
    console.log(`${figure.label}: ${figure.value ?? '—'} ${figure.unit} (budget ${figure.budget.max})`);
    console.log(`  ${JSON.stringify(figure.summary ?? figure.reason ?? figure.details)}`);
    if (figure.summary && figure.details) console.log(`  details: ${JSON.stringify(figure.details)}`);
  }
}

async function main() {
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  log('generating the data set');
  const snapshot = benchSnapshot(accounts);
  await attempt(['contentScriptGzip', 'accountPageScriptsGzip'], measureContentScriptSize);
  if (only) log(`only ${only.join(', ')} (and the first sync they need)`);

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
  const skipped = { storage, result: null, reason: 'left out by --only' } as const;
  const backendLoad = only ? [skipped] : await loadTestEachStorage(snapshot, log, backend);
  await backend.close();
  if (!only) log('upserting 100 000 metrics through the admin API, beside a bare INSERT');
  const adminUpsert = only
    ? skipped
    : await measureAdminUpsert(storage).catch((error: unknown) => ({
        storage,
        result: null,
        reason: reasonOf(error),
      }));
  if (!only) log('importing 50 000 accounts from CSV, beside parsing it and a bare INSERT');
  const csvImport = only
    ? skipped
    : await measureCsvImport(storage).catch((error: unknown) => ({
        storage,
        result: null,
        reason: reasonOf(error),
      }));

  log(`previewing a tier change over ${accounts} accounts, beside one plain pass`);
  const tierPreview = (() => {
    try {
      return measureTierPreview(snapshot);
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
    figures: (Object.keys(BUDGETS) as FigureId[])
      .filter((id) => wanted([id]))
      .map((id) => figures.find((f) => f.id === id) ?? unavailable(id, notRun, 'not run'))
      .map(atBookSize),
    backendLoad,
    adminUpsert,
    csvImport,
    tierPreview,
  };
  const path = await writeReport(report);
  printTable(report);
  console.log(`\nWrote ${path} and bench-results/latest.json`);
}

(args['live-only'] ? measureLiveOnly() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
