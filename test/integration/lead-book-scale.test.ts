import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CacheDb, toCachedAccount } from '../../lib/cache/db.ts';
import { buildLeadBook } from '../../lib/lead/book.ts';
import { SHOWCASE } from '../../server/index.ts';
import { leadScaleSnapshot } from '../fixtures/lead-scale.ts';

/**
 * The book view's computation at 50 000 accounts and 100 000 metrics: one pass over the accounts in
 * chunks, each chunk's metrics read through the accountId index. fake-indexeddb is far slower than a
 * browser's IndexedDB, so the time printed here is an upper bound; it is reported, not asserted.
 */
let cache: CacheDb;
const snapshot = leadScaleSnapshot();

beforeAll(async () => {
  cache = new CacheDb(`lead-scale-${Math.random()}`);
  await cache.tiers.bulkPut(snapshot.tiers);
  await cache.users.bulkPut(snapshot.users);
  await cache.metricDefinitions.bulkPut(snapshot.metricDefinitions);
  await cache.accounts.bulkPut(snapshot.accounts.map(toCachedAccount));
  await cache.metrics.bulkPut(snapshot.metrics.map((m) => ({ ...m, id: `${m.accountId}:${m.key}` })));
}, 240_000);

afterAll(async () => {
  await cache.delete();
});

test('50 000 accounts: every one checked in a single pass, misaligned ones listed by ARR', async () => {
  const started = performance.now();
  const book = await buildLeadBook(cache);
  const wallMs = performance.now() - started;
  console.info(
    `lead book at ${book.checked} accounts / ${snapshot.metrics.length} metrics: ` +
      `${book.accounts.length} misaligned, ${Math.round(wallMs)} ms (fake-indexeddb)`,
  );
  expect(book.checked).toBe(50_000);
  expect(book.accounts.length).toBeGreaterThan(5_000);
  expect(book.accounts.length).toBeLessThan(50_000);
  const arrs = book.accounts.map((a) => a.arr ?? -1);
  expect(arrs).toEqual([...arrs].sort((a, b) => b - a));
  // One Salesforce ref in a hundred has a URL; every other account's link is built on that host.
  expect(book.accounts.every((a) => a.record?.url.startsWith(`https://${SHOWCASE.salesforceHost}/`))).toBe(
    true,
  );
}, 120_000);
