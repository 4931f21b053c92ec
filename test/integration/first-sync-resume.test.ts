import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createBackendClient, type FetchFn } from '../../lib/backend/client.ts';
import { BLOCK_SIZE } from '../../lib/cache/account-blocks.ts';
import { countAccountsAndMetrics, readAccount } from '../../lib/cache/block-reader.ts';
import { CacheDb } from '../../lib/cache/db.ts';
import { answerPanel } from '../../lib/panel/answer.ts';
import { loadSettings } from '../../lib/settings/store.ts';
import { createSyncEngine } from '../../lib/sync/engine.ts';
import {
  deleteEntities,
  demoSnapshot,
  pruneTombstones,
  type RunningServer,
  SHOWCASE,
  startServer,
} from '../../server/index.ts';
import { connectAsLead } from '../fixtures/connected-cache.ts';

const PAGE_SIZE = 400;
const now = new Date('2026-11-15T12:00:00Z');
const { acme, initech } = SHOWCASE.accounts;

/**
 * The network as the service worker sees it: every feed request is recorded with the cursor it
 * carried, and `cutAfter(n)` makes the connection drop after n more feed pages, as when the browser
 * stops the worker or quits half-way through a sync.
 */
function recordingFetch() {
  const cursors: (string | null)[] = [];
  let pagesLeft = Number.POSITIVE_INFINITY;
  const fetchFn: FetchFn = async (input, init) => {
    const url = new URL(String(input));
    if (url.pathname.endsWith('/v1/changes')) {
      if (pagesLeft-- <= 0) throw new TypeError('Failed to fetch');
      cursors.push(url.searchParams.get('cursor'));
    }
    return fetch(input, init);
  };
  return {
    fetchFn,
    cursors,
    cutAfter(pages: number) {
      pagesLeft = pages;
    },
    reconnect() {
      pagesLeft = Number.POSITIVE_INFINITY;
      cursors.length = 0;
    },
  };
}

describe('a first sync or full resync stopped half-way', () => {
  let server: RunningServer;
  let name: string;
  let cache: CacheDb;

  beforeEach(async () => {
    server = await startServer({ port: 0, storage: { kind: 'memory' }, seed: 'demo' });
    name = `resume-${Math.random()}`;
    cache = new CacheDb(name);
    await connectAsLead(cache, server);
  });
  afterEach(async () => {
    await cache.delete();
    await server.close();
  });

  /** The account ids in the order the feed first names them. */
  async function accountsInFeedOrder(): Promise<string[]> {
    const { token } = await loadSettings(cache);
    const client = createBackendClient(server.url, token ?? '');
    const ids = new Set<string>();
    let cursor: string | null = null;
    for (;;) {
      const page = await client.changes(cursor, PAGE_SIZE);
      for (const change of page.changes) if (change.type === 'account') ids.add(change.id);
      if (!page.hasMore) return [...ids];
      cursor = page.cursor;
    }
  }

  /** The browser restarts: a new worker opens the same database. */
  function restart() {
    cache.close();
    cache = new CacheDb(name);
  }

  test('goes on from the last stored page after a restart, and shows nothing as synced until done', async () => {
    const net = recordingFetch();
    net.cutAfter(3);
    const stopped = await createSyncEngine(cache, { fetch: net.fetchFn, pageSize: PAGE_SIZE }).sync();
    expect(stopped.status.state).toBe('error');
    expect(net.cursors).toHaveLength(3);
    // Half a feed is not shown as a cache: no account is found, and the status counts none.
    expect(stopped.status.counts.accounts).toBe(0);
    expect(await countAccountsAndMetrics(cache)).toEqual({ accounts: 0, metrics: 0 });
    expect((await answerPanel(cache, 'hubspot', acme.hubspotId, now)).kind).not.toBe('account');

    restart();
    net.reconnect();
    const { status } = await createSyncEngine(cache, { fetch: net.fetchFn, pageSize: PAGE_SIZE }).sync();
    expect(status.state).toBe('ok');
    // No page stored before the stop is read again: the feed is never asked for from its start.
    expect(net.cursors).not.toContain(null);
    const demo = demoSnapshot();
    expect(status.counts.accounts).toBe(demo.accounts.length);
    expect(status.counts.metrics).toBe(demo.metrics.length);
    expect(status.counts.keyResults).toBe(demo.keyResults.length);
    expect((await answerPanel(cache, 'hubspot', acme.hubspotId, now)).kind).toBe('account');
  });

  test('a full resync after a 410 keeps showing the old cache until it switches over whole', async () => {
    const net = recordingFetch();
    const engine = () => createSyncEngine(cache, { fetch: net.fetchFn, pageSize: PAGE_SIZE });
    await engine().sync();
    const before = await countAccountsAndMetrics(cache);
    await deleteEntities(server.db, 'account', [initech.id]);
    await pruneTombstones(server.db, 0);

    net.reconnect();
    net.cutAfter(4);
    const stopped = await engine().sync();
    expect(stopped.status.state).toBe('error');
    expect(await countAccountsAndMetrics(cache)).toEqual(before);
    expect(await readAccount(cache, initech.id)).toBeDefined();
    expect((await answerPanel(cache, 'hubspot', acme.hubspotId, now)).kind).toBe('account');

    restart();
    net.reconnect();
    const { status } = await engine().sync();
    expect(status.state).toBe('ok');
    expect(net.cursors).not.toContain(null);
    expect(await readAccount(cache, initech.id)).toBeUndefined();
    expect(status.counts.accounts).toBe(before.accounts - 1);
    expect(await countAccountsAndMetrics(cache)).toEqual({
      accounts: status.counts.accounts,
      metrics: status.counts.metrics,
    });
  });

  test('a 410 for the last stored page starts the feed over cleanly', async () => {
    const net = recordingFetch();
    net.cutAfter(3);
    await createSyncEngine(cache, { fetch: net.fetchFn, pageSize: PAGE_SIZE }).sync();
    await deleteEntities(server.db, 'account', [initech.id]);
    await pruneTombstones(server.db, 0);

    restart();
    net.reconnect();
    const { status } = await createSyncEngine(cache, { fetch: net.fetchFn, pageSize: PAGE_SIZE }).sync();
    expect(status.state).toBe('ok');
    expect(status.lastError).toBeNull();
    // The stored cursor was refused, then the feed was read from its start once.
    expect(net.cursors[0]).not.toBeNull();
    expect(net.cursors.filter((cursor) => cursor === null)).toHaveLength(1);
    expect(await readAccount(cache, initech.id)).toBeUndefined();
    expect(status.counts.accounts).toBe(demoSnapshot().accounts.length - 1);
    expect(await countAccountsAndMetrics(cache)).toEqual({
      accounts: status.counts.accounts,
      metrics: status.counts.metrics,
    });
  });
  test('accounts that arrive together share blocks, also across a stop, so a later change to them rewrites few blocks', async () => {
    const net = recordingFetch();
    net.cutAfter(2);
    await createSyncEngine(cache, { fetch: net.fetchFn, pageSize: PAGE_SIZE }).sync();
    restart();
    net.reconnect();
    const { status } = await createSyncEngine(cache, { fetch: net.fetchFn, pageSize: PAGE_SIZE }).sync();
    expect(status.state).toBe('ok');
    const blockOf = await Promise.all(
      (await accountsInFeedOrder()).map(
        async (id) => (await cache.accountBlocks.where('ids').equals(id).primaryKeys())[0],
      ),
    );
    // Block by block in the feed's order, each full but the last.
    expect(blockOf.every((block, i) => block !== undefined && block >= (blockOf[i - 1] ?? 0))).toBe(true);
    expect(new Set(blockOf).size).toBe(Math.ceil(blockOf.length / BLOCK_SIZE));
  });
});
