/** How many requests one token may make per window; the bucket holds a whole window's worth. */
export interface RateLimit {
  requests: number;
  windowSeconds: number;
}

/**
 * Generous on purpose: a first sync of a 50 000-account book reads a few hundred pages back to back,
 * and an outbox flush is one request per 100 outcomes. Only a runaway client comes near it.
 */
export const DEFAULT_RATE_LIMIT: RateLimit = { requests: 1200, windowSeconds: 60 };

/** Unrecognised tokens one client address may present per window: plenty for typos, none for guessing. */
export const DEFAULT_FAILED_TOKEN_LIMIT: RateLimit = { requests: 20, windowSeconds: 60 };

/** Buckets are swept once the map grows past this; a full bucket is the same as no bucket. */
const SWEEP_AT = 1024;

interface Bucket {
  /** In units of 1/(window in ms) of a request, so refilling is exact integer arithmetic. */
  level: number;
  at: number;
}

/**
 * A token bucket per key, in memory: it refills continuously at `requests` per window, so a client
 * that waits what Retry-After says always gets through, and a burst of up to `requests` is fine.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly cost: number;
  private readonly capacity: number;
  private sweepAt = SWEEP_AT;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number,
  ) {
    if (!Number.isInteger(limit.requests) || limit.requests < 1)
      throw new RangeError('requests must be a positive integer');
    if (!Number.isInteger(limit.windowSeconds) || limit.windowSeconds < 1)
      throw new RangeError('windowSeconds must be a positive integer');
    this.cost = limit.windowSeconds * 1000;
    this.capacity = limit.requests * this.cost;
  }

  private levelOf(bucket: Bucket | undefined, now: number): number {
    if (!bucket) return this.capacity;
    return Math.min(this.capacity, bucket.level + Math.max(0, now - bucket.at) * this.limit.requests);
  }

  /** The milliseconds until the key's bucket holds a request again, taking nothing: 0 when it does. */
  peek(key: string): number {
    const level = this.levelOf(this.buckets.get(key), this.now());
    return level < this.cost ? Math.ceil((this.cost - level) / this.limit.requests) : 0;
  }

  /** Takes one request from the key's bucket: 0 when allowed, else the milliseconds until one is. */
  take(key: string): number {
    const now = this.now();
    const level = this.levelOf(this.buckets.get(key), now);
    if (level < this.cost) return Math.ceil((this.cost - level) / this.limit.requests);
    this.buckets.set(key, { level: level - this.cost, at: now });
    if (this.buckets.size > this.sweepAt) this.sweep(now);
    return 0;
  }

  private sweep(now: number) {
    for (const [key, bucket] of this.buckets) {
      if (this.levelOf(bucket, now) >= this.capacity) this.buckets.delete(key);
    }
    this.sweepAt = Math.max(SWEEP_AT, this.buckets.size * 2);
  }

  /** Keys currently remembered; the rest are full. */
  get size(): number {
    return this.buckets.size;
  }
}
