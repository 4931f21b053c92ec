import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import type { Db } from './db/types.ts';
import { type AuthEnv, requireUser } from './http/auth.ts';
import { type ErrorReport, errorReport } from './http/error-report.ts';
import { ApiHttpError, errorBody } from './http/errors.ts';
import { rateLimit } from './http/rate-limit.ts';
import {
  DEFAULT_FAILED_TOKEN_LIMIT,
  DEFAULT_RATE_LIMIT,
  type RateLimit,
  TokenBuckets,
} from './limit/token-bucket.ts';
import { changesRoutes } from './routes/changes.ts';
import { healthRoutes } from './routes/health.ts';
import { meRoutes } from './routes/me.ts';
import { outcomesRoutes } from './routes/outcomes.ts';

export interface AppOptions {
  /** Largest accepted request body in bytes. */
  maxBodyBytes?: number;
  /** Where unexpected errors are reported (see ErrorReport); they reach clients only as a generic 500. */
  logError?: (report: ErrorReport) => void;
  /** Requests per token per window, counted in this process; 'off' disables it. */
  rateLimit?: RateLimit | 'off';
  /** Unrecognised tokens per client address per window before 429; 'off' disables it. */
  failedTokenLimit?: RateLimit | 'off';
  /** The rate limiter's clock, in ms; tests move it instead of sleeping. */
  now?: () => number;
}

/** The HTTP contract (SPEC section 4) over one database. */
export function createApp(db: Db, options: AppOptions = {}) {
  const logError = options.logError ?? ((report: ErrorReport) => console.error(report));
  const app = new Hono();

  // The extension calls from its own origin with a bearer token and no cookies, so any origin may ask.
  app.use(
    '*',
    cors({
      origin: '*',
      allowHeaders: ['Authorization', 'Content-Type'],
      allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
      exposeHeaders: ['Retry-After'],
      maxAge: 86_400,
    }),
  );
  // API answers are per user and JSON only: no cache may keep them, no browser may sniff them as HTML.
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cache-Control', 'no-store');
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 1024 * 1024,
      // The rest of the body is never read, so the connection cannot carry another request: say so,
      // or a keep-alive client sends its next request into a socket that is about to close.
      onError: (c) =>
        c.json(errorBody('payload_too_large', 'The request body is too large.'), 413, {
          Connection: 'close',
        }),
    }),
  );

  app.route('/', healthRoutes());
  const v1 = new Hono<AuthEnv>();
  const failed = options.failedTokenLimit ?? DEFAULT_FAILED_TOKEN_LIMIT;
  v1.use(
    '*',
    requireUser(db, failed === 'off' ? undefined : new TokenBuckets(failed, options.now ?? Date.now)),
  );
  const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  if (limit !== 'off') v1.use('*', rateLimit(limit, options.now));
  v1.route('/', meRoutes());
  v1.route('/', changesRoutes(db));
  v1.route('/', outcomesRoutes(db));
  app.route('/v1', v1);

  // The path is not echoed: whatever a link carried stays out of the answer (and out of any log of it).
  app.notFound((c) => c.json(errorBody('not_found', 'Not found.'), 404));
  app.onError((error, c) => {
    if (error instanceof ApiHttpError) {
      return c.json(errorBody(error.code, error.message, error.details), error.status);
    }
    if (error instanceof ZodError) {
      return c.json(errorBody('invalid_request', 'The request is invalid.', error.issues), 400);
    }
    if (error instanceof HTTPException && error.status < 500) {
      return c.json(errorBody('bad_request', error.message || 'Bad request.'), error.status);
    }
    logError(errorReport(c, error));
    return c.json(errorBody('internal', 'Internal server error.'), 500);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
