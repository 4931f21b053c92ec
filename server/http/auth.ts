import { createMiddleware } from 'hono/factory';
import type { User } from '../../lib/schemas/index.ts';
import { hashToken } from '../auth/tokens.ts';
import type { Db } from '../db/types.ts';
import { userForBearer } from '../sessions/bearer.ts';
import { ApiHttpError } from './errors.ts';

export interface AuthEnv {
  /** `tokenHash` identifies the presented token without keeping the secret itself around. */
  Variables: {
    user: User;
    tokenHash: string /** set when a device session (not an API token) signed in */;
    sessionId?: string;
  };
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Resolves `Authorization: Bearer <token>` to its user, or answers 401. */
export function requireUser(db: Db) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const header = c.req.header('Authorization');
    if (header === undefined) throw new ApiHttpError(401, 'unauthorized', 'Missing bearer token.');
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) {
      throw new ApiHttpError(401, 'unauthorized', 'The Authorization header must be "Bearer <token>".');
    }
    const found = await userForBearer(db, token);
    if (found === null) throw new ApiHttpError(401, 'unauthorized', 'The token was not recognised.');
    c.set('user', found.user);
    if (found.sessionId) c.set('sessionId', found.sessionId);
    c.set('tokenHash', hashToken(token));
    await next();
  });
}
