import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { foregroundGate, GATE_TIMING } from '../../lib/background/foreground-gate.ts';
import { buildLeadBook } from '../../lib/book/book.ts';
import { type BookLookups, loadBookLookups } from '../../lib/book/classify.ts';
import type { LeadBook } from '../../lib/book/types.ts';
import { CacheDb } from '../../lib/cache/db.ts';
import { cacheAccounts } from '../fixtures/cache-accounts.ts';
import { leadScaleSnapshot } from '../fixtures/lead-scale.ts';

/**
 * The pass over every account gives way to what a CRM page waits on: while a foreground request is
 * in flight it reads no further chunk, it goes on once the request ends, and the book it builds is
 * the one it builds alone.
 */
/** A few chunks: the pass reads a few hundred accounts at a time. */
const ACCOUNTS = 1_000;
/** Well inside the gate's longest wait, so a pass that goes on within it did not wait. */
const WATCH_MS = GATE_TIMING.maxWaitMs / 5;
const snapshot = leadScaleSnapshot(ACCOUNTS);
let cache: CacheDb;
let lookups: BookLookups;
let alone: LeadBook;
let read = 0;
let blocks = 0;
let onRead: (count: number) => void = () => {};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sameBook = (book: LeadBook) => ({ ...book, computeMs: 0 });

/** A foreground request that lasts until the returned function is called. */
function holdForeground(): () => void {
  let release = () => {};
  void foregroundGate.run(() => new Promise<void>((done) => (release = done)));
  return release;
}

beforeAll(async () => {
  cache = new CacheDb(`lead-foreground-${Math.random()}`);
  await cache.tiers.bulkPut(snapshot.tiers);
  await cache.users.bulkPut(snapshot.users);
  await cache.metricDefinitions.bulkPut(snapshot.metricDefinitions);
  await cacheAccounts(cache, snapshot.accounts, snapshot.metrics);
  blocks = await cache.accountBlocks.count();
  lookups = await loadBookLookups(cache);
  alone = await buildLeadBook(cache, lookups);
  cache.accountBlocks.hook('reading', (block) => {
    read++;
    onRead(read);
    return block;
  });
}, 60_000);

afterAll(async () => {
  await cache.delete();
});

test('the pass waits for a panel between chunks, then finishes with the same book', async () => {
  read = 0;
  let release = () => {};
  const firstChunk = new Promise<void>((resolve) => {
    onRead = (count) => {
      if (count !== 1) return;
      // A CRM page asks while the pass reads its first chunk.
      release = holdForeground();
      resolve();
    };
  });
  let done = false;
  const pass = buildLeadBook(cache, lookups).finally(() => (done = true));
  await firstChunk;
  await sleep(WATCH_MS);
  const readWhileHeld = read;
  expect(done).toBe(false);
  expect(readWhileHeld).toBeGreaterThan(0);
  expect(readWhileHeld).toBeLessThan(blocks / 2);
  release();
  expect(sameBook(await pass)).toEqual(sameBook(alone));
  expect(read).toBe(blocks);
  expect(alone.checked).toBe(ACCOUNTS);
}, 30_000);

test('a pass asked for while a panel is answered starts once it is answered', async () => {
  read = 0;
  onRead = () => {};
  const release = holdForeground();
  const pass = buildLeadBook(cache, lookups);
  await sleep(WATCH_MS);
  expect(read).toBe(0);
  release();
  expect(sameBook(await pass)).toEqual(sameBook(alone));
}, 30_000);

test('a foreground that never ends slows the pass down but does not stop it', async () => {
  read = 0;
  onRead = () => {};
  const release = holdForeground();
  try {
    expect(sameBook(await buildLeadBook(cache, lookups))).toEqual(sameBook(alone));
  } finally {
    release();
  }
}, 30_000);
