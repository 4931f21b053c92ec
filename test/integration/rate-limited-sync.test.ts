import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BackendError, createBackendClient, type FetchFn } from '../../lib/backend/client.ts';
import { createPlacement, writeAccountChanges } from '../../lib/cache/block-writer.ts';
import { CacheDb } from '../../lib/cache/db.ts';
import { toCachedAccount } from '../../lib/cache/rows.ts';
import { flushOutbox } from '../../lib/outbox/flush.ts';
import { logOutcome } from '../../lib/outbox/log.ts';
import { saveSettings } from '../../lib/settings/store.ts';
import { backoffDelayMs, retryAfterMsOf } from '../../lib/sync/backoff.ts';
import { createSyncEngine } from '../../lib/sync/engine.ts';
import { createApp, createToken, type Db, demoSnapshot, importSnapshot, openDb } from '../../server/index.ts';

const ORIGIN = 'http://backend.test';
/** One request per ten minutes: far longer than any backoff the client would pick on its own. */
const LIMIT = { requests: 1, windowSeconds: 600 };

/** The real sync engine and outbox against the real app, whose rate limiter runs on a frozen clock. */
describe('a rate-limited backend', () => {
  let db: Db;
  let token: string;
  const lead = demoSnapshot().users.find((user) => user.role === 'lead');

  beforeAll(async () => {
    db = await openDb({ kind: 'memory' });
    await importSnapshot(db, demoSnapshot());
    token = await createToken(db, lead?.email ?? '');
  });
  afterAll(() => db.close());

  function limitedBackend(): FetchFn {
    const app = createApp(db, { rateLimit: LIMIT, now: () => 0 });
    return async (input, init) => app.request(String(input), init);
  }

  test('sync stops with rate_limited and the Retry-After the backend sent, which the backoff honours', async () => {
    const cache = new CacheDb(`rate-limited-${Math.random()}`);
    try {
      await saveSettings(cache, { backendUrl: ORIGIN, token, syncIntervalMinutes: 15 });
      // The first request (GET /v1/me) uses the whole allowance; the first page is refused.
      const { status } = await createSyncEngine(cache, { fetch: limitedBackend() }).sync();
      expect(status.state).toBe('error');
      expect(status.lastError?.code).toBe('rate_limited');
      expect(status.lastError && retryAfterMsOf(status.lastError)).toBe(600_000);
      expect(status.lastError && backoffDelayMs(1, 1, retryAfterMsOf(status.lastError))).toBe(600_000);
      expect(status.counts.accounts).toBe(0);
    } finally {
      await cache.delete();
    }
  });

  test('a refused outbox flush keeps every row and reports the wait', async () => {
    const cache = new CacheDb(`rate-limited-outbox-${Math.random()}`);
    try {
      await saveSettings(cache, { backendUrl: ORIGIN, token, syncIntervalMinutes: 15 });
      const snapshot = demoSnapshot();
      const kr = snapshot.keyResults.find((k) => k.scope.accountIds?.length);
      const accountId = kr?.scope.accountIds?.[0] ?? '';
      const account = snapshot.accounts.find((a) => a.id === accountId);
      if (!kr || !account) throw new Error('the demo data has no account-scoped key result');
      await cache.keyResults.put({ ...kr, linkAccountIds: [accountId], linkTierIds: [] });
      await cache.transaction('rw', cache.accountBlocks, async () =>
        writeAccountChanges(
          cache,
          { accountPuts: [toCachedAccount(account)], accountDeletes: [], metricPuts: [], metricDeletes: [] },
          await createPlacement(cache),
        ),
      );
      const outcome = await logOutcome(cache, { keyResultId: kr.id, accountId }, lead?.id ?? '', new Date());

      const api = createBackendClient(ORIGIN, token, limitedBackend());
      await api.me();
      const error = await flushOutbox(cache, api).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackendError);
      expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 600_000 });
      expect((await cache.outbox.toArray()).map((row) => row.id)).toEqual([outcome.id]);
    } finally {
      await cache.delete();
    }
  });
});
