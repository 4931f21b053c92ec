import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ACCOUNT_COUNTS_KEY } from '../../lib/cache/account-store.ts';
import { countAccountsAndMetrics } from '../../lib/cache/block-reader.ts';
import { CacheDb, readKv } from '../../lib/cache/db.ts';
import { createSyncEngine } from '../../lib/sync/engine.ts';
import { CURSOR_KEY } from '../../lib/sync/forget-synced.ts';
import {
  deleteEntities,
  demoSnapshot,
  putEntities,
  type RunningServer,
  startServer,
} from '../../server/index.ts';
import { connectAsLead } from '../fixtures/connected-cache.ts';

const PAGE = 40;

/** Paging while storing: the real engine and backend, with the feed requests observed on the way. */
describe('sync pipelining', () => {
  let server: RunningServer;
  let cache: CacheDb;
  let events: string[];
  /** The cursor each answered feed request handed out, in order. */
  let cursors: string[];
  let failFeedRequest: number | null;

  const observedFetch: typeof fetch = async (input, init) => {
    const url = String(input);
    if (!url.includes('/v1/changes')) return fetch(input, init);
    const n = cursors.length + events.filter((e) => e === 'failed').length + 1;
    events.push(`request ${n}`);
    if (n === failFeedRequest) {
      events.push('failed');
      throw new TypeError('network down');
    }
    const response = await fetch(input, init);
    const body = await response.clone().json();
    cursors.push(body.cursor);
    return response;
  };

  beforeEach(async () => {
    server = await startServer({ port: 0, storage: { kind: 'memory' }, seed: 'demo' });
    cache = new CacheDb(`pipeline-${Math.random()}`);
    events = [];
    cursors = [];
    failFeedRequest = null;
    await connectAsLead(cache, server);
    cache.kv.hook('creating', (key, row) => {
      if (key === CURSOR_KEY) events.push(`stored ${cursors.indexOf(row.value as string) + 1}`);
    });
    cache.kv.hook('updating', (changes, key) => {
      const value = (changes as { value?: unknown }).value;
      if (key === CURSOR_KEY) events.push(`stored ${cursors.indexOf(value as string) + 1}`);
      return undefined;
    });
  });
  afterEach(async () => {
    await cache.delete();
    await server.close();
  });

  /** A first sync, then more than three pages of changes on the server, with the observations reset. */
  async function syncedThenChanged(engine: ReturnType<typeof createSyncEngine>) {
    expect((await engine.sync()).status.state).toBe('ok');
    const [template] = demoSnapshot().accounts;
    if (!template) throw new Error('the demo has no account');
    await putEntities(
      server.db,
      'account',
      Array.from({ length: 4 * PAGE }, (_, i) => ({ ...template, id: `acc-more-${i}`, crmRefs: [] })),
    );
    events.length = 0;
    cursors.length = 0;
  }

  test('a first sync reads every page, then stores them all at once with the last cursor', async () => {
    const { status } = await createSyncEngine(cache, { pageSize: PAGE, fetch: observedFetch }).sync();
    expect(status.state).toBe('ok');
    const pages = cursors.length;
    expect(pages).toBeGreaterThan(3);
    const requests = Array.from({ length: pages }, (_, i) => `request ${i + 1}`);
    expect(events).toEqual([...requests, `stored ${pages}`]);
    const demo = demoSnapshot();
    expect(status.counts).toMatchObject({ accounts: demo.accounts.length, metrics: demo.metrics.length });
    expect(await readKv(cache, ACCOUNT_COUNTS_KEY)).toEqual(await countAccountsAndMetrics(cache));
  });

  test('a first sync that fails shows nothing as synced, and the next one completes it', async () => {
    failFeedRequest = 3;
    const engine = createSyncEngine(cache, { pageSize: PAGE, fetch: observedFetch });
    const { status } = await engine.sync();
    expect(status.state).toBe('error');
    expect(status.lastError?.code).toBe('unreachable');
    expect(await readKv(cache, CURSOR_KEY)).toBeUndefined();
    expect(await countAccountsAndMetrics(cache)).toEqual({ accounts: 0, metrics: 0 });
    expect(await cache.keyResults.count()).toBe(0);

    failFeedRequest = null;
    const resumed = await engine.sync();
    const demo = demoSnapshot();
    expect(resumed.status.state).toBe('ok');
    expect(resumed.status.counts).toMatchObject({
      accounts: demo.accounts.length,
      metrics: demo.metrics.length,
      keyResults: demo.keyResults.length,
    });
  });

  test('after the first sync, the next page is on its way while one is stored, and pages are stored in order', async () => {
    const engine = createSyncEngine(cache, { pageSize: PAGE, fetch: observedFetch });
    await syncedThenChanged(engine);
    expect((await engine.sync()).status.state).toBe('ok');
    const pages = cursors.length;
    expect(pages).toBeGreaterThan(3);
    const expected = ['request 1'];
    for (let n = 1; n <= pages; n++) {
      if (n < pages) expected.push(`request ${n + 1}`);
      expected.push(`stored ${n}`);
    }
    expect(events).toEqual(expected);
  });

  test('a failure reading page 3 of a later sync leaves pages 1 and 2 stored and the cursor after page 2', async () => {
    const engine = createSyncEngine(cache, { pageSize: PAGE, fetch: observedFetch });
    await syncedThenChanged(engine);
    const before = (await countAccountsAndMetrics(cache)).accounts;
    failFeedRequest = 3;
    const { status } = await engine.sync();
    expect(status.state).toBe('error');
    expect(status.lastError?.code).toBe('unreachable');
    expect(events).toEqual(['request 1', 'request 2', 'stored 1', 'request 3', 'failed', 'stored 2']);
    expect(await readKv(cache, CURSOR_KEY)).toBe(cursors[1]);
    expect((await countAccountsAndMetrics(cache)).accounts).toBe(before + 2 * PAGE);

    failFeedRequest = null;
    const resumed = await engine.sync();
    expect(resumed.status.state).toBe('ok');
    expect(resumed.status.counts?.accounts).toBe(before + 4 * PAGE);
  });

  test('account and metric counts kept page by page match the tables after puts, re-puts and deletes', async () => {
    const engine = createSyncEngine(cache, { pageSize: PAGE });
    await engine.sync();
    expect(await readKv(cache, ACCOUNT_COUNTS_KEY)).toEqual(await countAccountsAndMetrics(cache));
    const demo = demoSnapshot();
    const [first, second] = demo.accounts;
    if (!first || !second) throw new Error('the demo has fewer than two accounts');
    await putEntities(server.db, 'account', [
      { ...first, name: `${first.name} renamed` },
      { ...first, id: 'acc-new-1', crmRefs: [] },
      { ...first, id: 'acc-new-2', crmRefs: [] },
    ]);
    await putEntities(server.db, 'metric', [
      { accountId: 'acc-new-1', key: 'nps', value: 10, asOf: '2026-11-01T00:00:00Z' },
    ]);
    await deleteEntities(server.db, 'account', [second.id, 'acc-new-2']);
    const { status } = await engine.sync();
    const actual = await countAccountsAndMetrics(cache);
    expect(actual.accounts).toBe(demo.accounts.length);
    expect(status.counts).toMatchObject(actual);
    expect(await readKv(cache, ACCOUNT_COUNTS_KEY)).toEqual(actual);
  });
});
