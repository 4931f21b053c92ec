import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/schemas/index.ts';
import { createApp } from '../../server/app.ts';
import { createToken } from '../../server/auth/tokens.ts';
import { DEFAULT_RATE_LIMIT, TokenBuckets } from '../../server/limit/token-bucket.ts';
import { BACKENDS } from './backends.ts';
import { USERS } from './fixtures.ts';
import { suiteHarness } from './suite-harness.ts';

const LIMIT = { requests: 3, windowSeconds: 60 };

describe.each(BACKENDS)('rate limit per token on $name', (backend) => {
  const h = suiteHarness(backend);

  /** The real app with a small limit and a clock the test moves. */
  function limitedApp() {
    const clock = { ms: Date.parse('2026-11-24T00:00:00Z') };
    const app = createApp(h.db, { rateLimit: LIMIT, now: () => clock.ms, logError: () => {} });
    const get = (path: string, token: string) =>
      app.request(path, { headers: { Authorization: `Bearer ${token}` } });
    return { app, clock, get };
  }

  it('answers the request after the limit with 429, Retry-After and the error body', async () => {
    const { get } = limitedApp();
    for (let i = 0; i < LIMIT.requests; i++) expect((await get('/v1/me', h.tokens.lead)).status).toBe(200);
    const refused = await get('/v1/changes', h.tokens.lead);
    expect(refused.status).toBe(429);
    // One request's worth refills in window / requests = 20 s.
    expect(refused.headers.get('retry-after')).toBe('20');
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    const body = ApiError.parse(await refused.json());
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toContain('Retry in 20 s');
    expect(body.error.details).toEqual({ limit: 3, windowSeconds: 60, retryAfterSeconds: 20 });
  });

  it('counts each token on its own, even two tokens of the same user', async () => {
    const { get } = limitedApp();
    for (let i = 0; i <= LIMIT.requests; i++) await get('/v1/me', h.tokens.lead);
    expect((await get('/v1/me', h.tokens.lead)).status).toBe(429);
    expect((await get('/v1/me', h.tokens.east)).status).toBe(200);
    const second = await createToken(h.db, USERS.lead.email);
    expect((await get('/v1/me', second)).status).toBe(200);
  });

  it('lets the token through again once Retry-After has passed, and fully after the window', async () => {
    const { get, clock } = limitedApp();
    for (let i = 0; i < LIMIT.requests; i++) await get('/v1/me', h.tokens.west);
    const refused = await get('/v1/me', h.tokens.west);
    const retryAfter = Number(refused.headers.get('retry-after'));
    clock.ms += retryAfter * 1000 - 1;
    expect((await get('/v1/me', h.tokens.west)).status).toBe(429);
    clock.ms += 1;
    expect((await get('/v1/me', h.tokens.west)).status).toBe(200);
    expect((await get('/v1/me', h.tokens.west)).status).toBe(429);

    clock.ms += LIMIT.windowSeconds * 1000;
    for (let i = 0; i < LIMIT.requests; i++) expect((await get('/v1/me', h.tokens.west)).status).toBe(200);
    expect((await get('/v1/me', h.tokens.west)).status).toBe(429);
  });

  it('does not limit /healthz or refused tokens, and a refused request costs nothing', async () => {
    const { app, get } = limitedApp();
    for (let i = 0; i < 10; i++) {
      expect((await app.request('/healthz')).status).toBe(200);
      expect((await get('/v1/me', 'glk_not-a-real-token')).status).toBe(401);
    }
    for (let i = 0; i < LIMIT.requests; i++) expect((await get('/v1/me', h.tokens.admin)).status).toBe(200);
  });

  it('is on by default and can be switched off', async () => {
    const frozen = () => 0;
    const off = createApp(h.db, { rateLimit: 'off', now: frozen });
    const byDefault = createApp(h.db, { now: frozen });
    const statuses = async (app: ReturnType<typeof createApp>) => {
      const seen: number[] = [];
      for (let i = 0; i <= DEFAULT_RATE_LIMIT.requests; i++) {
        const response = await app.request('/v1/me', {
          headers: { Authorization: `Bearer ${h.tokens.eastRep}` },
        });
        seen.push(response.status);
      }
      return seen;
    };
    expect(new Set(await statuses(off))).toEqual(new Set([200]));
    const limited = await statuses(byDefault);
    expect(limited.indexOf(429)).toBe(DEFAULT_RATE_LIMIT.requests);
  });
});

describe('token buckets', () => {
  it('refill continuously and forget full buckets', () => {
    let now = 0;
    const buckets = new TokenBuckets({ requests: 2, windowSeconds: 10 }, () => now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 5000]);
    now = 2500;
    expect(buckets.take('a')).toBe(2500);
    now = 5000;
    expect(buckets.take('a')).toBe(0);
    for (let i = 0; i < 2000; i++) buckets.take(`k${i}`);
    now += 10_000;
    for (let i = 0; i < 2000; i++) buckets.take(`later${i}`);
    expect(buckets.size).toBeLessThan(3000);
  });

  it.each([
    [{ requests: 0, windowSeconds: 60 }],
    [{ requests: 1.5, windowSeconds: 60 }],
    [{ requests: 10, windowSeconds: 0 }],
  ])('refuse a nonsensical limit %o', (limit) => {
    expect(() => new TokenBuckets(limit, Date.now)).toThrow(RangeError);
  });
});
