import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Snapshot, User } from '../../lib/schemas/index.ts';
import { scopeKey, visibleAudiences } from '../../server/feed/audience.ts';
import { encodeCursor } from '../../server/feed/cursor.ts';
import { readFeedMeta } from '../../server/feed/meta.ts';
import { createToken, type Db } from '../../server/index.ts';
import { BENCH_RATE_LIMIT, type BenchBackend, startBenchBackend } from './backend.ts';
import type { LoadPlan, Scenario, ScenarioResult, Target } from './load-plan.ts';
import { type LoopStalls, watchLoopStalls } from './loop-stalls.ts';

/** Hundreds of clients, each scenario bounded in time and count so the whole test stays short. */
const PLAN = { concurrency: 200, durationMs: 8_000, maxRequests: 50_000 } as const;
const OUTCOME_LINKS = 500;

export interface LoadReport {
  storage: BenchBackend['storage'];
  concurrency: number;
  durationMsPerScenario: number;
  /** Configured high on purpose: the test measures the server, not the limiter refusing. */
  rateLimitPerToken: typeof BENCH_RATE_LIMIT;
  scenarios: (ScenarioResult & { serverEventLoopDelayMs: LoopStalls })[];
}

/** The cursor a client holds once it has read the whole feed, so its polls find nothing new. */
async function headCursor(db: Db, user: User): Promise<string> {
  const meta = await readFeedMeta(db);
  const [row] = await db.query<{ seq: string | number | null }>('SELECT max(seq) AS seq FROM changes');
  return encodeCursor({
    epoch: meta.epoch,
    seq: Number(row?.seq ?? 0),
    scope: scopeKey(visibleAudiences(user)),
    horizon: meta.tombstoneHorizon,
  });
}

async function buildScenarios(backend: BenchBackend, snapshot: Snapshot): Promise<Scenario[]> {
  const { db, url } = backend.server;
  if (!/^http:\/\/(127\.0\.0\.1|\[::1\]|localhost):/.test(url)) throw new Error(`not loopback: ${url}`);
  const lead = snapshot.users.find((user) => user.role === 'lead');
  if (!lead) throw new Error('the snapshot has no lead');
  // Leads read the whole feed, CSMs their team's share of it: both kinds of query are in the mix.
  const readers = snapshot.users.filter((user) => user.role === 'lead' || user.role === 'csm');
  const polls: Target[] = [];
  const firstPages: Target[] = [];
  for (const user of readers) {
    const token = await createToken(db, user.email);
    polls.push({ url: `${url}/v1/changes?cursor=${await headCursor(db, user)}&limit=1000`, token });
    firstPages.push({ url: `${url}/v1/changes?limit=1000`, token });
  }
  const links = snapshot.keyResults
    .flatMap((kr) =>
      kr.scope.accountIds?.[0] ? [{ keyResultId: kr.id, accountId: kr.scope.accountIds[0] }] : [],
    )
    .slice(0, OUTCOME_LINKS);
  return [
    { name: 'GET /v1/changes, poll at the head (nothing new)', method: 'GET', targets: polls },
    { name: 'GET /v1/changes, first page of 1000', method: 'GET', targets: firstPages },
    {
      name: 'POST /v1/outcomes, one new outcome each',
      method: 'POST',
      targets: [{ url: `${url}/v1/outcomes`, token: await createToken(db, lead.email) }],
      outcomes: { loggedBy: lead.id, links },
    },
  ];
}

/** Runs one scenario in a child process (see load-client.ts) and waits for its result. */
function runClient(plan: LoadPlan): Promise<ScenarioResult> {
  const client = fork(fileURLToPath(new URL('./load-client.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
  });
  // Requests still in flight at the deadline are awaited, within the client's own bounds (a request
  // is given up 60 s after it was first sent, its last attempt 30 s after that at the latest).
  const limitMs = plan.durationMs + 100_000;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.kill();
      reject(new Error(`the load client did not finish within ${limitMs} ms`));
    }, limitMs);
    client.once('message', (result) => {
      clearTimeout(timer);
      resolve(result as ScenarioResult);
    });
    client.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the load client exited with code ${code} before reporting`));
    });
    client.send(plan);
  });
}

/** Load test of the sync and outcome routes against one running backend, one scenario after another. */
export async function loadTest(backend: BenchBackend, snapshot: Snapshot): Promise<LoadReport> {
  const results: LoadReport['scenarios'] = [];
  for (const scenario of await buildScenarios(backend, snapshot)) {
    // The server shares this process's event loop with its database driver (all of PGlite runs on
    // it); how long that loop was blocked explains the latency tail and any reset connections.
    const stop = watchLoopStalls();
    const result = await runClient({ ...PLAN, scenario });
    results.push({ ...result, serverEventLoopDelayMs: stop() });
  }
  return {
    storage: backend.storage,
    concurrency: PLAN.concurrency,
    durationMsPerScenario: PLAN.durationMs,
    rateLimitPerToken: BENCH_RATE_LIMIT,
    scenarios: results,
  };
}

export type LoadOutcome = LoadReport | { storage: BenchBackend['storage']; result: null; reason: string };

const reasonOf = (error: unknown) =>
  error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);

/**
 * The load test on PGlite, and on Postgres when DATABASE_URL names one (or on `storages` alone);
 * reuses `running` for the storage it is on, and starts (and stops) a backend holding `snapshot` for
 * the other.
 */
export async function loadTestEachStorage(
  snapshot: Snapshot,
  log: (message: string) => void,
  running?: BenchBackend,
  storages: readonly BenchBackend['storage'][] = ['pglite', 'postgres'],
): Promise<LoadOutcome[]> {
  const reports: LoadOutcome[] = [];
  for (const storage of storages) {
    if (storage === 'postgres' && !process.env.DATABASE_URL) {
      reports.push({ storage, result: null, reason: 'DATABASE_URL is not set' });
      continue;
    }
    log(`load-testing the backend on ${storage}`);
    let target: BenchBackend | undefined;
    try {
      target = storage === running?.storage ? running : await startBenchBackend(storage, snapshot);
      reports.push(await loadTest(target, snapshot));
    } catch (error) {
      log(`  could not load-test: ${reasonOf(error)}`);
      reports.push({ storage, result: null, reason: reasonOf(error) });
    } finally {
      if (target && target !== running) await target.close();
    }
  }
  return reports;
}
