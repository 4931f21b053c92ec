import { Hono } from 'hono';

/** Liveness only: answers without touching the database or asking for a token. */
export function healthRoutes() {
  return new Hono().get('/healthz', (c) => c.json({ ok: true }));
}
