/** How much work the server takes on at once, and how much it lets wait, before it turns requests away. */
export interface AdmissionLimit {
  /** Requests handled at once; the rest wait in line. */
  active: number;
  /** Requests that may wait; one more is answered 503 at once. */
  queued: number;
  /** A request still waiting after this long is answered 503, well before a client would time out. */
  maxWaitMs: number;
}

/**
 * Enough at once to keep the database busy while HTTP parsing and sending overlap it (PGlite runs one
 * query at a time; the Postgres pool holds 10 connections), and a line short enough that its last
 * request is served within seconds, not after a client gave up on it.
 */
export const DEFAULT_ADMISSION: AdmissionLimit = { active: 12, queued: 96, maxWaitMs: 10_000 };

/** Retry-After never asks for less than this or more than this, in seconds. */
const RETRY_AFTER_BOUNDS = { min: 1, max: 30 } as const;

interface Waiter {
  admit(): void;
}

/**
 * A counting semaphore with a bounded, first-come line. `enter` resolves with the function that
 * frees the place, or with null when the line is full or the wait ran out: the caller sheds then,
 * telling the client when to come back (retryAfterSeconds) instead of letting it time out.
 */
export class AdmissionQueue {
  private running = 0;
  private readonly line: Waiter[] = [];
  /** Recent time a request held its place, smoothed; drives the Retry-After estimate. */
  private heldMs = 100;

  constructor(
    private readonly limit: AdmissionLimit,
    private readonly random: () => number = Math.random,
  ) {
    if (!(limit.active >= 1 && limit.queued >= 0 && limit.maxWaitMs >= 0)) {
      throw new Error(`invalid admission limit: ${JSON.stringify(limit)}`);
    }
  }

  get waiting(): number {
    return this.line.length;
  }

  enter(): Promise<(() => void) | null> {
    if (this.running < this.limit.active) return Promise.resolve(this.hold());
    if (this.line.length >= this.limit.queued) return Promise.resolve(null);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        admit: () => {
          clearTimeout(timer);
          resolve(this.hold());
        },
      };
      const timer = setTimeout(() => {
        this.line.splice(this.line.indexOf(waiter), 1);
        resolve(null);
      }, this.limit.maxWaitMs);
      this.line.push(waiter);
    });
  }

  /**
   * How long until the line ahead has drained, spread over up to twice that so that the clients
   * turned away together do not all come back in the same second.
   */
  retryAfterSeconds(): number {
    const drainMs = ((this.line.length + this.running) / this.limit.active) * this.heldMs;
    const seconds = Math.ceil((drainMs / 1000) * (1 + this.random()));
    return Math.min(RETRY_AFTER_BOUNDS.max, Math.max(RETRY_AFTER_BOUNDS.min, seconds));
  }

  private hold(): () => void {
    this.running++;
    const since = performance.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.heldMs = 0.8 * this.heldMs + 0.2 * (performance.now() - since);
      this.running--;
      this.line.shift()?.admit();
    };
  }
}
