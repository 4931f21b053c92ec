import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { InvitationRequest, InvitationResponse, SessionsResponse } from '../../lib/schemas/index.ts';
import { UnknownUserError } from '../auth/tokens.ts';
import type { Db } from '../db/types.ts';
import type { AuthEnv } from '../http/auth.ts';
import { ApiHttpError } from '../http/errors.ts';
import { errorResponses, jsonContent } from '../http/openapi.ts';
import { requireAdmin } from '../http/require-admin.ts';
import { findSession, listSessions, revokeSession } from '../sessions/sessions.ts';
import { createInvitation, INVITATION_TTL_MS, invitationLink } from '../signin/invitations.ts';

/**
 * What an admin does for people (SPEC section 10): one-time invitation links, as `npm run server --
 * invite` makes them, and anyone's signed-in devices, listed and signed out, under the admin API so a
 * client that may only call it (the workspace) can manage them too.
 */
export function adminPeopleRoutes(db: Db, publicUrl: string | undefined, now: () => number) {
  const routes = new Hono<AuthEnv>();
  routes.use('/admin/*', requireAdmin());
  routes.post(
    '/admin/invitations',
    describeRoute({
      summary: 'A one-time sign-in link for a user, valid for 7 days',
      description: 'The person must already be a user (and not deactivated): add them first.',
      requestBody: { required: true, content: jsonContent(InvitationRequest) },
      responses: {
        200: { description: 'The link, shown once', content: jsonContent(InvitationResponse) },
        ...errorResponses(400, 401, 403, 404, 429),
      },
    }),
    async (c) => {
      const body = InvitationRequest.safeParse(await c.req.json().catch(() => null));
      if (!body.success) {
        throw new ApiHttpError(400, 'invalid_email', 'Give the email address of the person to invite.', {
          field: 'email',
        });
      }
      const at = now();
      try {
        const secret = await createInvitation(db, body.data.email, at);
        const url = invitationLink(publicUrl ?? new URL(c.req.url).origin, secret);
        const expiresAt = new Date(at + INVITATION_TTL_MS).toISOString();
        return c.json({ url, expiresAt } satisfies InvitationResponse);
      } catch (error) {
        if (!(error instanceof UnknownUserError)) throw error;
        throw new ApiHttpError(
          404,
          'unknown_user',
          `No active user has the email ${body.data.email}: add them as a user first.`,
          { field: 'email' },
        );
      }
    },
  );
  routes.get(
    '/admin/sessions',
    describeRoute({
      summary: "One person's signed-in devices (?userId=), or everyone's",
      parameters: [{ name: 'userId', in: 'query', required: false, schema: { type: 'string' } }],
      responses: {
        200: { description: 'The live sessions, newest first', content: jsonContent(SessionsResponse) },
        ...errorResponses(401, 403, 429),
      },
    }),
    async (c) => {
      const current = c.get('sessionId');
      const sessions = await listSessions(db, c.req.query('userId') || undefined);
      return c.json({
        sessions: sessions.map((s) => ({ ...s, current: s.id === current })),
      } satisfies SessionsResponse);
    },
  );
  routes.delete(
    '/admin/sessions/:id',
    describeRoute({
      summary: "Sign one of anyone's devices out",
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { 204: { description: 'Signed out' }, ...errorResponses(401, 403, 404, 429) },
    }),
    async (c) => {
      const session = await findSession(db, c.req.param('id'));
      if (session === null) throw new ApiHttpError(404, 'not_found', 'No such signed-in device.');
      await revokeSession(db, session.id);
      return c.body(null, 204);
    },
  );
  return routes;
}
