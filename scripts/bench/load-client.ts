/**
 * The load test's client, in a process of its own so that generating load does not share an event
 * loop with the server it measures. It receives a LoadPlan over IPC, runs its scenario with a
 * bounded number of concurrent request loops, and sends back a ScenarioResult.
 */
import { randomUUID } from 'node:crypto';
import type { LoadPlan, Scenario, ScenarioResult } from './load-plan.ts';
import { summarize } from './stats.ts';

const REQUEST_TIMEOUT_MS = 30_000;

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

  async function client(index: number) {
    const target = scenario.targets[index % scenario.targets.length];
    if (!target) return;
    while (performance.now() < deadline && issued < plan.maxRequests) {
      const n = issued++;
      const sent = performance.now();
      try {
        const response = await fetch(target.url, {
          method: scenario.method,
          headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
          body: body(scenario, n),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        // The latency includes reading the whole body: a client has nothing before that.
        await response.arrayBuffer();
        count(String(response.status));
      } catch (error) {
        // fetch wraps socket failures; their code (e.g. UND_ERR_SOCKET) says what actually went wrong.
        const { name, cause } = error as Error & { cause?: { code?: string } };
        count(name === 'TimeoutError' ? 'timeout' : `network-error ${cause?.code ?? name}`);
      }
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
