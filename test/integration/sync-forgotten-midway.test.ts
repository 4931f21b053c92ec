import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ACCOUNT_COUNTS_KEY } from '../../lib/cache/account-store.ts';
import { countAccountsAndMetrics } from '../../lib/cache/block-reader.ts';
import { CacheDb, readKv } from '../../lib/cache/db.ts';
import { createSyncEngine } from '../../lib/sync/engine.ts';
import { CURSOR_KEY, forgetSynced } from '../../lib/sync/forget-synced.ts';
import { demoSnapshot, putEntities, type RunningServer, startServer } from '../../server/index.ts';
import { connectAsLead } from '../fixtures/connected-cache.ts';

const PAGE = 40;
const MORE = 4 * PAGE;

/**
 * The synced data can be forgotten while a sync is storing it: to make room for an outcome, or when
 * the token changes hands. The sync must not write on as if nothing happened.
 */
describe('synced data forgotten while a sync stores it', () => {
  let server: RunningServer;
  let cache: CacheDb;
  /** The feed request (1-based, counted from `armed`) before which the synced data is forgotten. */
  let forgetBeforeRequest: number | null;
  let requests: number;

  const forgettingFetch: typeof fetch = async (input, init) => {
    if (String(input).includes('/v1/changes') && forgetBeforeRequest !== null) {
      requests++;
      if (requests === forgetBeforeRequest) await forgetSynced(cache);
    }
    return fetch(input, init);
  };

  function arm(request: number) {
    requests = 0;
    forgetBeforeRequest = request;
  }

  beforeEach(async () => {
    server = await startServer({ port: 0, storage: { kind: 'memory' }, seed: 'demo' });
    cache = new CacheDb(`forgotten-midway-${Math.random()}`);
    forgetBeforeRequest = null;
    await connectAsLead(cache, server);
  });
  afterEach(async () => {
    await cache.delete();
    await server.close();
  });

  async function expectWholeFeedCached(extraAccounts: number) {
    const demo = demoSnapshot();
    const counted = await countAccountsAndMetrics(cache);
    expect(counted).toEqual({ accounts: demo.accounts.length + extraAccounts, metrics: demo.metrics.length });
    expect(await readKv(cache, ACCOUNT_COUNTS_KEY)).toEqual(counted);
    expect(await cache.keyResults.count()).toBe(demo.keyResults.length);
    expect(await readKv(cache, CURSOR_KEY)).toBeDefined();
  }

  test('between two pages of a later sync: the cache is read again whole, not left half-empty', async () => {
    const engine = createSyncEngine(cache, { pageSize: PAGE, fetch: forgettingFetch });
    expect((await engine.sync()).status.state).toBe('ok');
    const [template] = demoSnapshot().accounts;
    if (!template) throw new Error('the demo has no account');
    await putEntities(
      server.db,
      'account',
      Array.from({ length: MORE }, (_, i) => ({ ...template, id: `acc-more-${i}`, crmRefs: [] })),
    );
    arm(2);

    const { status } = await engine.sync();

    expect(status.state).toBe('ok');
    await expectWholeFeedCached(MORE);
  });

  test('between two staged pages of a first sync: the pages staged before are not silently missing', async () => {
    arm(3);

    const { status } = await createSyncEngine(cache, { pageSize: PAGE, fetch: forgettingFetch }).sync();

    expect(status.state).toBe('ok');
    await expectWholeFeedCached(0);
  });
});
