/**
 * The load test's client, in a process of its own so that generating load does not share an event
 * loop with the server it measures. It receives a LoadPlan over IPC, runs its scenario with a
 * bounded number of concurrent request loops, and sends back a ScenarioResult.
 */
import { randomUUID } from 'node:crypto';
import type { LoadPlan, Scenario, ScenarioResult } from './load-plan.ts';
import { summarize } from './stats.ts';

const REQUEST_TIMEOUT_MS = 30_000;
/** A request that is still refused (503/429 with Retry-After) this long after it was first sent failed. */
const GIVE_UP_AFTER_MS = 60_000;

/** Seconds or an HTTP date, as RFC 9110 allows; null when the header is absent or unreadable. */
function retryAfterMs(header: string | null): number | null {
  if (header === null) return null;
  if (/^\d+$/.test(header.trim())) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/** One attempt: its status (or what went wrong on the wire) and how long the server asked us to wait. */
async function attempt(
  scenario: Scenario,
  target: { url: string; token: string },
  body: string | undefined,
): Promise<{ outcome: string; waitMs: number | null }> {
  try {
    const response = await fetch(target.url, {
      method: scenario.method,
      headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    // The latency includes reading the whole body: a client has nothing before that.
    await response.arrayBuffer();
    const shed = response.status === 503 || response.status === 429;
    return {
      outcome: String(response.status),
      waitMs: shed ? retryAfterMs(response.headers.get('retry-after')) : null,
    };
  } catch (error) {
    // fetch wraps socket failures; their code (e.g. UND_ERR_SOCKET) says what actually went wrong.
    const { name, cause } = error as Error & { cause?: { code?: string } };
    return {
      outcome: name === 'TimeoutError' ? 'timeout' : `network-error ${cause?.code ?? name}`,
      waitMs: null,
    };
  }
}

function body(scenario: Scenario, n: number): string | undefined {
  const outcomes = scenario.outcomes;
  const link = outcomes?.links[n % outcomes.links.length];
  if (!outcomes || !link) return undefined;
  const outcome = {
    id: randomUUID(),
    ...link,
    delta: 1,
    loggedBy: outcomes.loggedBy,
    occurredAt: new Date().toISOString(),
  };
  return JSON.stringify({ outcomes: [outcome] });
}

async function runScenario(plan: LoadPlan): Promise<ScenarioResult> {
  const { scenario } = plan;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const count = (key: string) => {
    statuses[key] = (statuses[key] ?? 0) + 1;
  };
  const started = performance.now();
  const deadline = started + plan.durationMs;
  let issued = 0;
  let retried = 0;

  async function client(index: number) {
    const target = scenario.targets[index % scenario.targets.length];
    if (!target) return;
    while (performance.now() < deadline && issued < plan.maxRequests) {
      const requestBody = body(scenario, issued++);
      const sent = performance.now();
      let result = await attempt(scenario, target, requestBody);
      let refusals = 0;
      // A refusal that names when to come back is honoured, as the extension does, within a bound.
      while (result.waitMs !== null && performance.now() + result.waitMs - sent < GIVE_UP_AFTER_MS) {
        count(`${result.outcome} then retried`);
        refusals++;
        await new Promise((resolve) => setTimeout(resolve, result.waitMs ?? 0));
        result = await attempt(scenario, target, requestBody);
      }
      if (refusals > 0) retried++;
      count(result.outcome);
      latencies.push(performance.now() - sent);
    }
  }

  await Promise.all(Array.from({ length: plan.concurrency }, (_, i) => client(i)));
  const seconds = (performance.now() - started) / 1000;
  const ok = Object.entries(statuses)
    .filter(([status]) => /^2\d\d$/.test(status))
    .reduce((sum, [, n]) => sum + n, 0);
  const summary = summarize(latencies.length > 0 ? latencies : [Number.NaN]);
  return {
    name: scenario.name,
    concurrency: plan.concurrency,
    requests: latencies.length,
    ok,
    failed: latencies.length - ok,
    retried,
    statuses,
    seconds: Math.round(seconds * 100) / 100,
    requestsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
    latencyMs: { p50: summary.p50, p95: summary.p95, p99: summary.p99, max: summary.max },
  };
}

process.once('message', async (plan: LoadPlan) => {
  const result = await runScenario(plan);
  process.send?.(result, () => process.exit(0));
});
