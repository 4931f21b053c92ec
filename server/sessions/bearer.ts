import type { User } from '../../lib/schemas/index.ts';
import { userForToken } from '../auth/tokens.ts';
import type { Db } from '../db/types.ts';
import { isSessionToken, userForSession } from './sessions.ts';

/** A device session and an API token authenticate the API the same way; only sessions have an id. */
export async function userForBearer(
  db: Db,
  token: string,
  now: number = Date.now(),
): Promise<{ user: User; sessionId?: string } | null> {
  if (isSessionToken(token)) return userForSession(db, token, now);
  const user = await userForToken(db, token);
  return user ? { user } : null;
}
