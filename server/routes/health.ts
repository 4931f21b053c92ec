import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { jsonContent } from '../http/openapi.ts';

/** Liveness only: answers without touching the database or asking for a token. */
export function healthRoutes() {
  return new Hono().get(
    '/healthz',
    describeRoute({
      summary: 'Liveness',
      security: [],
      responses: {
        200: { description: 'The server is up', content: jsonContent(z.object({ ok: z.literal(true) })) },
      },
    }),
    (c) => c.json({ ok: true }),
  );
}
