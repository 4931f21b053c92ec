import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { describeRoute } from 'hono-openapi';
import { ZodError } from 'zod';
import type { Db } from './db/types.ts';
import { admission } from './http/admission.ts';
import { type AuthEnv, requireUser } from './http/auth.ts';
import { type ErrorReport, errorReport } from './http/error-report.ts';
import { ApiHttpError, errorBody } from './http/errors.ts';
import { openApiDocument } from './http/openapi.ts';
import { rateLimit } from './http/rate-limit.ts';
import { SOURCE_HEADER } from './http/write-source.ts';
import { type AdmissionLimit, AdmissionQueue, DEFAULT_ADMISSION } from './limit/admission-queue.ts';
import {
  DEFAULT_FAILED_TOKEN_LIMIT,
  DEFAULT_RATE_LIMIT,
  type RateLimit,
  TokenBuckets,
} from './limit/token-bucket.ts';
import { liveRoutes } from './live/routes.ts';
import { adminRoutes } from './routes/admin.ts';
import { adminCsvRoutes, CSV_IMPORT_PATH } from './routes/admin-csv.ts';
import { adminPeopleRoutes } from './routes/admin-people.ts';
import { adminReadRoutes } from './routes/admin-read.ts';
import { changesRoutes } from './routes/changes.ts';
import { healthRoutes } from './routes/health.ts';
import { meRoutes } from './routes/me.ts';
import { outcomesRoutes } from './routes/outcomes.ts';
import { scimRoutes } from './scim/routes.ts';
import { sessionRoutes } from './sessions/routes.ts';
import { type SignInOptions, signInRoutes } from './signin/routes.ts';

export interface AppOptions {
  /** Largest accepted request body in bytes. */
  maxBodyBytes?: number;
  /** Largest accepted body of an admin API request, in bytes. */
  maxAdminBodyBytes?: number;
  /** Where unexpected errors are reported (see ErrorReport); they reach clients only as a generic 500. */
  logError?: (report: ErrorReport) => void;
  /** Requests per token per window, counted in this process; 'off' disables it. */
  rateLimit?: RateLimit | 'off';
  /** Unrecognised tokens per client address per window before 429; 'off' disables it. */
  failedTokenLimit?: RateLimit | 'off';
  /** The rate limiter's clock, in ms; tests move it instead of sleeping. */
  now?: () => number;
  /** Requests handled at once and waiting in line before 503 + Retry-After (see AdmissionQueue); 'off' disables it. */
  admission?: AdmissionLimit | 'off';
  /** Signing in (SPEC §10): allowed redirect URIs, the identity provider, the sign-in rate limit. */
  signIn?: SignInOptions;
}

const ADMIN_BODY_BYTES = 32 * 1024 * 1024;

/** The HTTP contract (SPEC section 4) over one database. */
export function createApp(db: Db, options: AppOptions = {}) {
  const logError = options.logError ?? ((report: ErrorReport) => console.error(report));
  const app = new Hono();

  // The extension calls from its own origin with a bearer token and no cookies, so any origin may ask.
  app.use(
    '*',
    cors({
      origin: '*',
      allowHeaders: ['Authorization', 'Content-Type', SOURCE_HEADER],
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
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
  const limitOf = (maxSize: number) =>
    bodyLimit({
      maxSize,
      // The rest of the body is never read, so the connection cannot carry another request: say so,
      // or a keep-alive client sends its next request into a socket that is about to close.
      onError: (c) =>
        c.json(
          errorBody('payload_too_large', `The request body is too large: at most ${maxSize} bytes.`),
          413,
          {
            Connection: 'close',
          },
        ),
    });
  const small = limitOf(options.maxBodyBytes ?? 1024 * 1024);
  // A batch of 5 000 accounts with their attributes is several megabytes.
  const large = limitOf(options.maxAdminBodyBytes ?? ADMIN_BODY_BYTES);
  // The CSV import sets its own limit (MAX_CSV_BYTES): a whole CRM export in one file.
  app.use('*', (c, next) => {
    if (CSV_IMPORT_PATH.test(c.req.path)) return next();
    return (c.req.path.startsWith('/v1/admin/') ? large : small)(c, next);
  });

  app.route('/', healthRoutes());
  app.route('/auth', signInRoutes(db, options.signIn ?? { redirectUris: [] }, options.now));
  app.route('/scim/v2', scimRoutes(db));
  const v1 = new Hono<AuthEnv>();
  // First, before authentication: looking the token up is database work too.
  const admit = options.admission ?? DEFAULT_ADMISSION;
  if (admit !== 'off') v1.use('*', admission(new AdmissionQueue(admit)));
  const failed = options.failedTokenLimit ?? DEFAULT_FAILED_TOKEN_LIMIT;
  v1.use(
    '*',
    requireUser(
      db,
      failed === 'off' ? undefined : new TokenBuckets(failed, options.now ?? Date.now),
      options.now,
    ),
  );
  const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  if (limit !== 'off') v1.use('*', rateLimit(limit, options.now));
  v1.route('/', meRoutes());
  v1.route('/', changesRoutes(db));
  v1.route('/', outcomesRoutes(db));
  v1.route('/', adminRoutes(db));
  v1.route('/', adminCsvRoutes(db));
  v1.route('/', sessionRoutes(db, options.now));
  v1.route('/', liveRoutes(db));
  v1.route('/', adminPeopleRoutes(db, options.signIn?.publicUrl, options.now ?? Date.now));
  v1.route('/', adminReadRoutes(db));
  app.route('/v1', v1);

  // Generated once, on first request, from the routes above: there is no hand-kept copy to drift.
  let document: Promise<unknown> | undefined;
  const describeSelf = describeRoute({
    summary: 'This document: OpenAPI 3.1 of every route',
    security: [],
    responses: { 200: { description: 'The OpenAPI document' } },
  });
  app.get('/openapi.json', describeSelf, async (c) => {
    document ??= openApiDocument(app);
    return c.json(await document);
  });

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
