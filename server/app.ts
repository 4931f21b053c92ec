import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import type { Db } from './db/types.ts';
import { type AuthEnv, requireUser } from './http/auth.ts';
import { ApiHttpError, errorBody } from './http/errors.ts';
import { rateLimit } from './http/rate-limit.ts';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './limit/token-bucket.ts';
import { changesRoutes } from './routes/changes.ts';
import { healthRoutes } from './routes/health.ts';
import { meRoutes } from './routes/me.ts';
import { outcomesRoutes } from './routes/outcomes.ts';

export interface AppOptions {
  /** Largest accepted request body in bytes. */
  maxBodyBytes?: number;
  /** Where unexpected errors are reported; they reach clients only as a generic 500. */
  logError?: (error: unknown) => void;
  /** Requests per token per window, counted in this process; 'off' disables it. */
  rateLimit?: RateLimit | 'off';
  /** The rate limiter's clock, in ms; tests move it instead of sleeping. */
  now?: () => number;
}

/** The HTTP contract (SPEC section 4) over one database. */
export function createApp(db: Db, options: AppOptions = {}) {
  const logError = options.logError ?? ((error: unknown) => console.error(error));
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
  v1.use('*', requireUser(db));
  const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  if (limit !== 'off') v1.use('*', rateLimit(limit, options.now));
  v1.route('/', meRoutes());
  v1.route('/', changesRoutes(db));
  v1.route('/', outcomesRoutes(db));
  app.route('/v1', v1);

  app.notFound((c) => c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}.`), 404));
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
    logError(error);
    return c.json(errorBody('internal', 'Internal server error.'), 500);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
