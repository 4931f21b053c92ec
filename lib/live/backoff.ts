/** The first reconnection waits about this long: a restarting backend is usually back within seconds. */
const BASE_MS = 1_000;
/** Never longer than this between attempts while a panel is open; polling covers the wait. */
const MAX_MS = 60_000;

/**
 * How long to wait before the `attempt`-th reconnection (1 = the first): exponential with "full
 * jitter" above a floor of half the step, so a backend restart does not bring every browser back in
 * the same instant. `random` is in [0, 1).
 */
export function reconnectDelayMs(attempt: number, random: number): number {
  const step = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (step / 2) * random);
}

/** The WebSocket address of a ticket's path on the backend: ws: beside http:, wss: beside https:. */
export function liveSocketUrl(backendUrl: string, path: string): string {
  const url = new URL(path, backendUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
