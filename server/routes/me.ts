import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { MeResponse } from '../../lib/schemas/index.ts';
import type { AuthEnv } from '../http/auth.ts';
import { errorResponses, jsonContent } from '../http/openapi.ts';

export function meRoutes() {
  return new Hono<AuthEnv>().get(
    '/me',
    describeRoute({
      summary: "The token's user",
      responses: {
        200: { description: 'The user', content: jsonContent(MeResponse) },
        ...errorResponses(401, 429),
      },
    }),
    (c) => c.json({ user: c.get('user') } satisfies MeResponse),
  );
}
