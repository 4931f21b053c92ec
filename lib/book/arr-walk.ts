import type { AccountWithMetrics } from '../cache/account-store.ts';
import type { CacheDb } from '../cache/db.ts';
import { arrOf } from '../tiers/arr.ts';
import { type BookLookups, byImpact, classifyBookEntry } from './classify.ts';
import type { BookEntry } from './types.ts';

/** A small first step, so the first screen of a big book needs only a few hundred accounts checked. */
const STEPS = { first: 200, next: 1_000 };

/**
 * The next accounts by ARR, below `below` (all when null), found through the blocks' `arrs` index:
 * `count` index keys (one per ARR and block), then every other block sharing the lowest ARR read,
 * so a step never splits accounts the book orders by name. Accounts without a numeric ARR are not
 * in the range.
 */
async function nextAccounts(db: CacheDb, below: number | null, count: number) {
  const range = db.accountBlocks.where('arrs').between(-Infinity, below ?? Infinity, true, below === null);
  const blockIds = new Set<number>();
  let last: number | null = null;
  let keys = 0;
  await range
    .reverse()
    .limit(count)
    .eachKey((arr, cursor) => {
      blockIds.add(cursor.primaryKey as number);
      last = arr as number;
      keys++;
    });
  if (last === null) return { accounts: [], last, more: false };
  const lowest: number = last;
  for (const id of await db.accountBlocks.where('arrs').equals(lowest).primaryKeys()) blockIds.add(id);
  const accounts: AccountWithMetrics[] = [];
  for (const block of await db.accountBlocks.bulkGet([...blockIds])) {
    for (const { account, metrics } of block?.entries ?? []) {
      const arr = account ? arrOf(account) : undefined;
      if (!account || arr === undefined || arr < lowest || (below !== null && arr >= below)) continue;
      accounts.push({ account, metrics });
    }
  }
  return { accounts, last, more: keys === count };
}

interface ArrWalk {
  /**
   * The misaligned accounts among those checked so far, in the book's order. Every account with a
   * higher ARR than the last one checked has been checked, so this is a prefix of the whole book.
   */
  readonly settled: readonly BookEntry[];
  /** How many accounts are checked. */
  readonly checked: number;
  /** Every account with a numeric ARR is checked; the rest of the book needs the whole pass. */
  readonly exhausted: boolean;
  /** Checks the next accounts by ARR; concurrent calls take turns. */
  step(): Promise<void>;
}

/**
 * Checks accounts highest ARR first, a step at a time, so the top of the book (what the side panel
 * shows first) is known long before every account is, without reading the whole index first.
 */
export function createArrWalk(db: CacheDb, lookups: BookLookups, steps = STEPS): ArrWalk {
  let below: number | null = null;
  let checked = 0;
  let exhausted = false;
  const settled: BookEntry[] = [];
  let queue: Promise<void> = Promise.resolve();

  async function walkOnce(): Promise<void> {
    if (exhausted) return;
    const next = await nextAccounts(db, below, checked === 0 ? steps.first : steps.next);
    const found: BookEntry[] = [];
    for (const { account, metrics } of next.accounts) {
      const entry = classifyBookEntry(account, metrics, lookups);
      if (entry) found.push(entry);
    }
    settled.push(...found.sort(byImpact));
    checked += next.accounts.length;
    below = next.last;
    exhausted = !next.more;
  }

  return {
    get settled() {
      return settled;
    },
    get checked() {
      return checked;
    },
    get exhausted() {
      return exhausted;
    },
    step() {
      // A failed step is tried again by the next call.
      queue = queue.then(walkOnce, walkOnce);
      return queue;
    },
  };
}
