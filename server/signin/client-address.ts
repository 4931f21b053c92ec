import type { Context } from 'hono';

/**
 * The peer's address as the Node server saw it. Behind a load balancer that is the balancer, which
 * makes the sign-in limit shared by everyone behind it: generous limits, and flooding stays the
 * balancer's job. Requests made in-process (tests) have no socket and share one key.
 */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}
