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
  /**
   * Requests that finally got a 2xx answer; everything else (other statuses, network errors, timeouts,
   * a refusal still standing after the client's bound) failed. A 503/429 with Retry-After is waited
   * out and sent again, as the extension does, so it counts only under `retried` and `statuses`.
   */
  ok: number;
  failed: number;
  /** Requests that were refused with Retry-After at least once before their final answer. */
  retried: number;
  /** Final answers by status, plus each refusal that was waited out as `<status> then retried`. */
  statuses: Record<string, number>;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
}
