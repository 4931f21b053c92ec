import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { InvitationRequest, InvitationResponse } from '../../lib/schemas/index.ts';
import { UnknownUserError } from '../auth/tokens.ts';
import type { Db } from '../db/types.ts';
import type { AuthEnv } from '../http/auth.ts';
import { ApiHttpError } from '../http/errors.ts';
import { errorResponses, jsonContent } from '../http/openapi.ts';
import { requireAdmin } from '../http/require-admin.ts';
import { createInvitation, INVITATION_TTL_MS, invitationLink } from '../signin/invitations.ts';

/** Admins make the same one-time links as `npm run server -- invite` (SPEC section 10). */
export function adminInvitationRoutes(db: Db, publicUrl: string | undefined, now: () => number) {
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
  return routes;
}
