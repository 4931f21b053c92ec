import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createArrWalk } from '../../lib/book/arr-walk.ts';
import { buildLeadBook } from '../../lib/book/book.ts';
import { loadBookLookups } from '../../lib/book/classify.ts';
import { createBookPager, prefixWindow } from '../../lib/book/pager.ts';
import { type BookQuery, KIND_FILTERS } from '../../lib/book/types.ts';
import { CacheDb } from '../../lib/cache/db.ts';
import type { Account, Metric } from '../../lib/schemas/entities.ts';
import { cacheAccounts } from '../fixtures/cache-accounts.ts';
import { attributeValue, METRIC_KEYS, tiers } from '../fixtures/tier-arbitraries.ts';
import { AS_OF, DEFINITIONS } from '../unit/tiers/fixtures.ts';

/**
 * The side panel's first windows come from a walk by ARR before every account is checked. For many
 * random books (ARR ties, names that tie, ARR missing or not a number, unknown tiers and owners),
 * what that walk has settled after any number of steps is exactly the top of the whole book, and
 * every window it answers is the window the whole book gives. Metrics of accounts not synced yet take
 * room in the blocks between the accounts, so a book spreads over several blocks and ARR ties span them.
 */
const OWNERS = ['u1', 'u2', 'ghost'];
const account = fc.record({
  name: fc.constantFrom('Acme', 'acme', 'Zenith', 'Émile', 'Beta'),
  arr: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(0, 50, 100, 250_000, 250_000.5, -1) },
    { weight: 1, arbitrary: attributeValue },
    { weight: 1, arbitrary: fc.constant(undefined) },
  ),
  seats: fc.constantFrom(0, 50, 300),
  tier: fc.integer({ min: 0, max: 4 }),
  crmTier: fc.option(fc.constantFrom('Tier 1', 'tier2', 't1', ''), { nil: undefined }),
  ownerId: fc.option(fc.constantFrom(...OWNERS), { nil: undefined }),
  metrics: fc
    .subarray([...METRIC_KEYS])
    .chain((keys) =>
      fc.tuple(
        ...keys.map((key) => fc.record({ key: fc.constant(key), value: fc.integer({ min: -50, max: 300 }) })),
      ),
    ),
  /** How many entries of accounts not synced yet are cached right after this one. */
  unsynced: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat({ max: 40 }) }),
});
const query = fc.record({
  kind: fc.constantFrom(...KIND_FILTERS),
  owner: fc.constantFrom(null, 'u1', '', 'ghost'),
  tier: fc.constantFrom(null, 't0', 't1'),
  offset: fc.integer({ min: 0, max: 4 }),
  limit: fc.integer({ min: 1, max: 4 }),
});

type GeneratedAccount = typeof account extends fc.Arbitrary<infer T> ? T : never;

function toAccount(a: GeneratedAccount, i: number): Account {
  return {
    id: `acc-${String(i).padStart(3, '0')}`,
    name: a.name,
    crmRefs: [],
    tierId: `t${a.tier}`,
    ...(a.crmTier === undefined ? {} : { crmTier: a.crmTier }),
    ...(a.ownerId === undefined ? {} : { ownerId: a.ownerId }),
    attributes: { seats: a.seats, ...(a.arr === undefined ? {} : { arr: a.arr }) },
    updatedAt: AS_OF,
  };
}

async function fill(db: CacheDb, book: Generated) {
  await db.tiers.bulkPut(book.tiers);
  await db.users.bulkPut(
    OWNERS.slice(0, 2).map((id) => ({ id, name: `User ${id}`, email: `${id}@x.test`, role: 'csm' as const })),
  );
  await db.metricDefinitions.bulkPut([...DEFINITIONS.values()]);
  // A write places its accounts before its metrics: one write per run of accounts ending in unsynced ones.
  let run: { accounts: Account[]; metrics: Metric[] } = { accounts: [], metrics: [] };
  for (const [i, a] of book.accounts.entries()) {
    const cached = toAccount(a, i);
    run.accounts.push(cached);
    run.metrics.push(
      ...a.metrics.map((m) => ({ accountId: cached.id, key: m.key, value: m.value, asOf: AS_OF })),
    );
    for (let j = 0; j < a.unsynced; j++) {
      run.metrics.push({ accountId: `unsynced-${i}-${j}`, key: 'nps', value: 0, asOf: AS_OF });
    }
    if (a.unsynced > 0 || i === book.accounts.length - 1) {
      await cacheAccounts(db, run.accounts, run.metrics);
      run = { accounts: [], metrics: [] };
    }
  }
}

/** How many blocks hold an account with a numeric ARR. */
async function blocksWithArr(db: CacheDb): Promise<number> {
  return (await db.accountBlocks.toArray()).filter((block) => block.arrs.length > 0).length;
}

const generated = fc.record({
  tiers,
  accounts: fc.array(account, { minLength: 5, maxLength: 40, size: 'max' }),
  steps: fc.record({ first: fc.integer({ min: 1, max: 5 }), next: fc.integer({ min: 1, max: 5 }) }),
  taken: fc.integer({ min: 0, max: 12 }),
  queries: fc.array(query, { minLength: 1, maxLength: 4 }),
});
type Generated = typeof generated extends fc.Arbitrary<infer T> ? T : never;

describe('the walk by ARR', () => {
  test('settles a prefix of the whole book and answers its windows exactly', async () => {
    let early = 0;
    let spread = 0;
    await fc.assert(
      fc.asyncProperty(generated, async (book) => {
        const db = new CacheDb(`walk-${Math.random()}`);
        try {
          await fill(db, book);
          if ((await blocksWithArr(db)) > 1) spread++;
          const lookups = await loadBookLookups(db);
          const whole = await buildLeadBook(db, lookups);
          const walk = createArrWalk(db, lookups, book.steps);
          for (let i = 0; i < book.taken; i++) await walk.step();
          expect(walk.settled).toEqual(whole.accounts.slice(0, walk.settled.length));
          if (walk.exhausted) {
            expect(walk.settled).toEqual(whole.accounts.filter((entry) => entry.arr !== null));
          }
          const pager = createBookPager();
          for (const q of book.queries) {
            const bookQuery: BookQuery = { ...q, sort: 'arr' };
            const window = prefixWindow(walk.settled, walk.checked, 0, bookQuery);
            if (!window) continue;
            early++;
            expect(window.accounts).toEqual(pager(whole, bookQuery).accounts);
          }
        } finally {
          await db.delete();
        }
      }),
      { seed: 20_261_124, numRuns: 150 },
    );
    // Not vacuous: many windows were answered before the walk was done.
    expect(early).toBeGreaterThan(20);
    expect(spread).toBeGreaterThan(50);
  }, 120_000);
});
