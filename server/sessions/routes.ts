import { Hono } from 'hono';
import type { SessionsResponse } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import type { AuthEnv } from '../http/auth.ts';
import { ApiHttpError } from '../http/errors.ts';
import { findSession, listSessions, revokeSession } from './sessions.ts';

/**
 * A person lists and signs out their own devices; an admin does the same for anyone
 * (`?userId=<id>`). Someone else's session answers 404 to a non-admin, so ids reveal nothing.
 */
export function sessionRoutes(db: Db) {
  return new Hono<AuthEnv>()
    .get('/sessions', async (c) => {
      const me = c.get('user');
      const userId = c.req.query('userId') ?? me.id;
      if (userId !== me.id && me.role !== 'admin') {
        throw new ApiHttpError(403, 'forbidden', "Only admins may list another person's sessions.");
      }
      const current = c.get('sessionId');
      const sessions = (await listSessions(db, userId)).map((s) => ({ ...s, current: s.id === current }));
      return c.json({ sessions } satisfies SessionsResponse);
    })
    .delete('/sessions/:id', async (c) => {
      const me = c.get('user');
      const session = await findSession(db, c.req.param('id'));
      if (session === null || (session.userId !== me.id && me.role !== 'admin')) {
        throw new ApiHttpError(404, 'not_found', 'No such signed-in device.');
      }
      await revokeSession(db, session.id);
      return c.body(null, 204);
    });
}
