import { createMiddleware } from 'hono/factory';
import type { AuthEnv } from './auth.ts';
import { ApiHttpError } from './errors.ts';

/** Lets only admins through; runs after authentication, so a missing token is still a 401. */
export function requireAdmin() {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const user = c.get('user');
    if (user.role !== 'admin') {
      throw new ApiHttpError(
        403,
        'forbidden',
        `The admin API is for admins; this token belongs to ${user.email}, whose role is ${user.role}.`,
      );
    }
    await next();
  });
}
