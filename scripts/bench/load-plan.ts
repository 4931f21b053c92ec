/** What the load test's parent asks its client process to do, and what the client reports back. */

/** One simulated client's request; client i of a scenario sends targets[i % targets.length]. */
export interface Target {
  url: string;
  token: string;
}

export interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  targets: Target[];
  /** For POST /v1/outcomes: each request logs one new outcome on one of these links, as `loggedBy`. */
  outcomes?: { loggedBy: string; links: { keyResultId: string; accountId: string }[] };
}

/** One scenario for one client process: a fresh process has a fresh connection pool. */
export interface LoadPlan {
  concurrency: number;
  /** The scenario stops issuing requests at whichever bound it meets first. */
  durationMs: number;
  maxRequests: number;
  scenario: Scenario;
}

export interface ScenarioResult {
  name: string;
  concurrency: number;
  requests: number;
  /** Answers with a 2xx status; everything else (other statuses, network errors, timeouts) failed. */
  ok: number;
  failed: number;
  statuses: Record<string, number>;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
}
