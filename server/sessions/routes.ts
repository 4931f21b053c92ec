import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { RotatedSession, SessionsResponse } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import type { AuthEnv } from '../http/auth.ts';
import { ApiHttpError } from '../http/errors.ts';
import { errorResponses, jsonContent } from '../http/openapi.ts';
import { findSession, listSessions, revokeSession, rotateSession } from './sessions.ts';

/**
 * A person lists and signs out their own devices; an admin does the same for anyone
 * (`?userId=<id>`). Someone else's session answers 404 to a non-admin, so ids reveal nothing.
 */
export function sessionRoutes(db: Db, now: () => number = Date.now) {
  return new Hono<AuthEnv>()
    .post(
      '/sessions/current/rotate',
      describeRoute({
        summary: "A new token for this device's session; the one it replaces works for two more minutes",
        responses: {
          200: { description: 'The new token, shown once', content: jsonContent(RotatedSession) },
          ...errorResponses(400, 401, 429),
        },
      }),
      async (c) => {
        const id = c.get('sessionId');
        if (!id) {
          throw new ApiHttpError(400, 'not_a_session', 'Only a device session rotates; API tokens do not.');
        }
        const token = await rotateSession(db, id, now());
        if (token === null) throw new ApiHttpError(401, 'unauthorized', 'This session was signed out.');
        return c.json({ access_token: token, session_id: id } satisfies RotatedSession);
      },
    )
    .get(
      '/sessions',
      describeRoute({
        summary: "Your signed-in devices, or an admin's view of anyone's (?userId=)",
        parameters: [{ name: 'userId', in: 'query', required: false, schema: { type: 'string' } }],
        responses: {
          200: { description: 'The live sessions, newest first', content: jsonContent(SessionsResponse) },
          ...errorResponses(401, 403, 429),
        },
      }),
      async (c) => {
        const me = c.get('user');
        const userId = c.req.query('userId') ?? me.id;
        if (userId !== me.id && me.role !== 'admin') {
          throw new ApiHttpError(403, 'forbidden', "Only admins may list another person's sessions.");
        }
        const current = c.get('sessionId');
        const sessions = (await listSessions(db, userId)).map((s) => ({ ...s, current: s.id === current }));
        return c.json({ sessions } satisfies SessionsResponse);
      },
    )
    .delete(
      '/sessions/:id',
      describeRoute({
        summary: 'Sign a device out',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 204: { description: 'Signed out' }, ...errorResponses(401, 404, 429) },
      }),
      async (c) => {
        const me = c.get('user');
        const session = await findSession(db, c.req.param('id'));
        if (session === null || (session.userId !== me.id && me.role !== 'admin')) {
          throw new ApiHttpError(404, 'not_found', 'No such signed-in device.');
        }
        await revokeSession(db, session.id);
        return c.body(null, 204);
      },
    );
}
