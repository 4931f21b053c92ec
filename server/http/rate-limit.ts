import { createMiddleware } from 'hono/factory';
import { type RateLimit, TokenBuckets } from '../limit/token-bucket.ts';
import type { AuthEnv } from './auth.ts';
import { errorBody } from './errors.ts';

/**
 * Limits each API token, after authentication. Unauthenticated requests are not limited here: they
 * cost one indexed lookup and are refused, tokens are 256 random bits so guessing gets nowhere, and a
 * client address behind a load balancer is the balancer's own (or a spoofable header). Flooding is the
 * load balancer's job. The buckets live in this process: with N instances a token gets N times the limit.
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
