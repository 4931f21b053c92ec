import type { HttpBindings } from '@hono/node-server';
import { createMiddleware } from 'hono/factory';
import type { AdmissionQueue } from '../limit/admission-queue.ts';
import { errorBody } from './errors.ts';

/**
 * Takes over the request's place in the admission limit; call the function it returns once the
 * response's body has been written (or will never be). A body streamed after the handler returned is
 * still work: without this, its place would free up when the handler returns, and the limit would no
 * longer bound how many large pages are read, encoded and written at once.
 */
export type HoldPlace = () => () => void;

export interface AdmissionEnv {
  Variables: { holdPlace?: HoldPlace };
}

/**
 * Admits a request when the server has room for it, lets it wait in a bounded line otherwise, and
 * answers 503 with Retry-After once the line is full or the wait too long: under a burst (a whole team
 * syncing at 9:00) every client is answered, some told to come back, none left to time out.
 */
export function admission(queue: AdmissionQueue) {
  return createMiddleware<AdmissionEnv>(async (c, next) => {
    const release = await queue.enter();
    if (release === null) {
      const seconds = queue.retryAfterSeconds();
      return c.json(
        errorBody('overloaded', `The server is busy. Retry in ${seconds} s.`, { retryAfterSeconds: seconds }),
        503,
        { 'Retry-After': String(seconds) },
      );
    }
    let held = false;
    c.set('holdPlace', () => {
      held = true;
      return release;
    });
    try {
      await next();
    } finally {
      if (!held || c.error !== undefined) release();
      else releaseWhenConnectionCloses(c.env as Partial<HttpBindings> | undefined, release);
    }
  });
}

/**
 * A client gone before its body was sent: the server never reads (nor cancels) a stream whose socket
 * is already closed, so its end would never come. Behind the Node server the response's close (sent
 * or aborted) frees the place then; release is idempotent, so whichever comes first counts.
 */
function releaseWhenConnectionCloses(env: Partial<HttpBindings> | undefined, release: () => void): void {
  const outgoing = env?.outgoing;
  if (outgoing === undefined) return;
  if (outgoing.destroyed) release();
  else outgoing.once('close', release);
}
