import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ALL_ACCOUNTS } from '../../lib/book/filter.ts';
import { openLeadBook } from '../../lib/book/open-book.ts';
import { CacheDb } from '../../lib/cache/db.ts';
import { SHOWCASE } from '../../server/index.ts';
import { cacheAccounts } from '../fixtures/cache-accounts.ts';
import { leadScaleSnapshot } from '../fixtures/lead-scale.ts';

/**
 * The book view's computation at 50 000 accounts and 100 000 metrics: the first screen from the
 * accounts with the highest ARR, then one pass over every account a chunk of blocks at a time, each
 * account with the metrics stored beside it. fake-indexeddb is far slower than a browser's IndexedDB, so the
 * times printed here are upper bounds; they are reported, not asserted.
 */
let cache: CacheDb;
const snapshot = leadScaleSnapshot();

beforeAll(async () => {
  cache = new CacheDb(`lead-scale-${Math.random()}`);
  await cache.tiers.bulkPut(snapshot.tiers);
  await cache.users.bulkPut(snapshot.users);
  await cache.metricDefinitions.bulkPut(snapshot.metricDefinitions);
  await cacheAccounts(cache, snapshot.accounts, snapshot.metrics);
}, 240_000);

afterAll(async () => {
  await cache.delete();
});

test('50 000 accounts: the first screen early, then every one checked, misaligned ones by ARR', async () => {
  const started = performance.now();
  const opened = openLeadBook(cache);
  const query = { ...ALL_ACCOUNTS, offset: 0, limit: 100 };
  const early = await opened.page(query);
  const earlyMs = performance.now() - started;
  const book = await opened.whole();
  const wallMs = performance.now() - started;
  console.info(
    `lead book at ${book.checked} accounts / ${snapshot.metrics.length} metrics: ` +
      `first page in ${Math.round(earlyMs)} ms after ${early.checked} accounts, ` +
      `${book.accounts.length} misaligned in ${Math.round(wallMs)} ms (fake-indexeddb)`,
  );
  expect(early.counting).toBe(true);
  expect(early.checked).toBeLessThan(5_000);
  const full = await opened.page({ ...query, complete: true });
  expect(full.counting).toBe(false);
  expect(early.accounts).toEqual(full.accounts);
  expect(book.checked).toBe(50_000);
  expect(book.accounts.length).toBeGreaterThan(5_000);
  expect(book.accounts.length).toBeLessThan(50_000);
  const arrs = book.accounts.map((a) => a.arr ?? -1);
  expect(arrs).toEqual([...arrs].sort((a, b) => b - a));
  // One Salesforce ref in a hundred has a URL; every other account's link is built on that host.
  const rows = await opened.page({ ...query, offset: 10_000, limit: 500, complete: true });
  expect(rows.accounts).toHaveLength(500);
  expect(rows.accounts.every((a) => a.record?.url.startsWith(`https://${SHOWCASE.salesforceHost}/`))).toBe(
    true,
  );
}, 120_000);
