import { createMiddleware } from 'hono/factory';
import type { User } from '../../lib/schemas/index.ts';
import { hashToken } from '../auth/tokens.ts';
import type { Db } from '../db/types.ts';
import type { TokenBuckets } from '../limit/token-bucket.ts';
import { userForBearer } from '../sessions/bearer.ts';
import { clientAddress } from './client-address.ts';
import { ApiHttpError, errorBody } from './errors.ts';

export interface AuthEnv {
  /** `tokenHash` identifies the presented token without keeping the secret itself around. */
  Variables: {
    user: User;
    tokenHash: string /** set when a device session (not an API token) signed in */;
    sessionId?: string;
  };
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Resolves `Authorization: Bearer <token>` to its user, or answers 401. Unrecognised tokens are
 * counted per client address in `failures`; an address that used up its allowance gets 429 for every
 * token until it refills, so a guessing loop stalls without a database lookup per guess.
 */
export function requireUser(db: Db, failures?: TokenBuckets, now: () => number = Date.now) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const header = c.req.header('Authorization');
    if (header === undefined) throw new ApiHttpError(401, 'unauthorized', 'Missing bearer token.');
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) {
      throw new ApiHttpError(401, 'unauthorized', 'The Authorization header must be "Bearer <token>".');
    }
    const address = clientAddress(c);
    const waitMs = failures?.peek(address) ?? 0;
    if (waitMs > 0) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      return c.json(
        errorBody('rate_limited', `Too many unrecognised tokens from this address. Retry in ${seconds} s.`, {
          retryAfterSeconds: seconds,
        }),
        429,
        { 'Retry-After': String(seconds) },
      );
    }
    const found = await userForBearer(db, token, now());
    if (found === null) {
      failures?.take(address);
      throw new ApiHttpError(401, 'unauthorized', 'The token was not recognised.');
    }
    c.set('user', found.user);
    if (found.sessionId) c.set('sessionId', found.sessionId);
    c.set('tokenHash', hashToken(token));
    await next();
  });
}
