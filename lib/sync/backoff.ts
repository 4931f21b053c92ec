import type { ErrorInfo } from '../errors.ts';

const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 30 * 60_000;

/**
 * Exponential backoff with "equal jitter": half the delay is fixed so retries never bunch up at zero,
 * half is random so many browsers failing together do not retry in lockstep.
 */
export function backoffDelayMs(failures: number, random: number, retryAfterMs?: number): number {
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, failures - 1));
  const jittered = exponential / 2 + (exponential / 2) * random;
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** How long the backend asked us to wait (Retry-After), as the backend client puts it in an error's details. */
export function retryAfterMsOf(failure: ErrorInfo): number | undefined {
  const details = failure.details as { retryAfterMs?: unknown } | null | undefined;
  return typeof details?.retryAfterMs === 'number' ? details.retryAfterMs : undefined;
}
