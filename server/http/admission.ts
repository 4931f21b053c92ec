import { createMiddleware } from 'hono/factory';
import type { AdmissionQueue } from '../limit/admission-queue.ts';
import { errorBody } from './errors.ts';

/**
 * Admits a request when the server has room for it, lets it wait in a bounded line otherwise, and
 * answers 503 with Retry-After once the line is full or the wait too long: under a burst (a whole team
 * syncing at 9:00) every client is answered, some told to come back, none left to time out.
 */
export function admission(queue: AdmissionQueue) {
  return createMiddleware(async (c, next) => {
    const release = await queue.enter();
    if (release === null) {
      const seconds = queue.retryAfterSeconds();
      return c.json(
        errorBody('overloaded', `The server is busy. Retry in ${seconds} s.`, { retryAfterSeconds: seconds }),
        503,
        { 'Retry-After': String(seconds) },
      );
    }
    try {
      await next();
    } finally {
      release();
    }
  });
}
