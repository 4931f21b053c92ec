import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { LiveTicketResponse } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import type { AuthEnv } from '../http/auth.ts';
import { errorBody } from '../http/errors.ts';
import { errorResponses, jsonContent } from '../http/openapi.ts';
import { issueTicket, TICKET_SECONDS } from './tickets.ts';
import { LIVE_PATH } from './upgrade.ts';

/**
 * The live channel's HTTP half. A browser cannot put a bearer token on a WebSocket, so it trades the
 * token here for a ticket that opens one socket within seconds; the socket itself is served by
 * attachLive, on the HTTP server's upgrade event.
 */
export function liveRoutes(db: Db) {
  return new Hono<AuthEnv>()
    .post(
      '/live/ticket',
      describeRoute({
        summary: 'A single-use ticket (30 s) for the live channel, GET /v1/live?ticket=… as a WebSocket',
        description:
          'The channel sends JSON text messages: `{"type":"ready","head":n}` on opening, `{"type":"poke","head":n}` when the feed you can see moved (fetch /v1/changes), `{"type":"ping"}` every 20 s. It closes with 4401 when your token or session is revoked.',
        responses: {
          200: { description: 'The ticket', content: jsonContent(LiveTicketResponse) },
          ...errorResponses(401, 429),
        },
      }),
      async (c) => {
        const ticket = await issueTicket(db, c.get('tokenHash'));
        return c.json({
          ticket,
          path: `${LIVE_PATH}?ticket=${ticket}`,
          expiresInSeconds: TICKET_SECONDS,
        } satisfies LiveTicketResponse);
      },
    )
    .get(
      '/live',
      describeRoute({
        summary: 'The live channel: a WebSocket opened with a ticket (see POST /v1/live/ticket)',
        responses: { 426: { description: 'Asked for without a WebSocket upgrade' } },
      }),
      (c) => c.json(errorBody('upgrade_required', 'Open /v1/live as a WebSocket with a ticket.'), 426),
    );
}
