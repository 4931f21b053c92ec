import { createMiddleware } from 'hono/factory';
import { type RateLimit, TokenBuckets } from '../limit/token-bucket.ts';
import type { AuthEnv } from './auth.ts';
import { errorBody } from './errors.ts';

/**
 * Limits each API token, after authentication. Unrecognised tokens are limited per client address in
 * requireUser instead. Flooding is the load balancer's job. The buckets live in this process: with N
 * instances a token gets N times the limit.
 */
export function rateLimit(limit: RateLimit, now: () => number = Date.now) {
  const buckets = new TokenBuckets(limit, now);
  return createMiddleware<AuthEnv>(async (c, next) => {
    const waitMs = buckets.take(c.get('tokenHash'));
    if (waitMs > 0) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      return c.json(
        errorBody(
          'rate_limited',
          `Too many requests for this token: the limit is ${limit.requests} per ${limit.windowSeconds} s. Retry in ${seconds} s.`,
          { limit: limit.requests, windowSeconds: limit.windowSeconds, retryAfterSeconds: seconds },
        ),
        429,
        { 'Retry-After': String(seconds) },
      );
    }
    await next();
  });
}
