import { DEFAULT_RATE_LIMIT, type RateLimit } from '../limit/token-bucket.ts';
import { UsageError } from './storage.ts';

interface RateLimitFlags {
  'rate-limit'?: string | undefined;
  'rate-window'?: string | undefined;
}

function count(value: string, what: string, min: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min) {
    throw new UsageError(`${what} must be a whole number of at least ${min} (got "${value}")`);
  }
  return n;
}

/**
 * Flags win over the environment (GOAL_LENS_RATE_LIMIT, GOAL_LENS_RATE_WINDOW), which deployments
 * use; a limit of 0 switches limiting off.
 */
export function resolveRateLimit(env: NodeJS.ProcessEnv, flags: RateLimitFlags): RateLimit | 'off' {
  const requests = flags['rate-limit'] ?? env.GOAL_LENS_RATE_LIMIT;
  const window = flags['rate-window'] ?? env.GOAL_LENS_RATE_WINDOW;
  const limit: RateLimit = {
    requests: requests === undefined ? DEFAULT_RATE_LIMIT.requests : count(requests, '--rate-limit', 0),
    windowSeconds:
      window === undefined ? DEFAULT_RATE_LIMIT.windowSeconds : count(window, '--rate-window', 1),
  };
  return limit.requests === 0 ? 'off' : limit;
}

export function describeRateLimit(limit: RateLimit | 'off'): string {
  return limit === 'off'
    ? 'off'
    : `${limit.requests} requests per ${limit.windowSeconds} s per token, per instance`;
}
