import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The socket's peer address. Behind a load balancer that is the balancer's, which is why the limiter
 * on failed tokens is generous: it stops a guessing loop, not a crowd.
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Requests made in process (tests, app.request) have no socket.
    return 'unknown';
  }
}
