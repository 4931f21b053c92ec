import { Hono } from 'hono';
import type { MeResponse } from '../../lib/schemas/index.ts';
import type { AuthEnv } from '../http/auth.ts';

export function meRoutes() {
  return new Hono<AuthEnv>().get('/me', (c) => c.json({ user: c.get('user') } satisfies MeResponse));
}
