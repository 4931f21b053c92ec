import type { CacheDb } from '../cache/db.ts';
import { type BookLookups, byImpact, classifyBookEntry } from './classify.ts';
import type { BookEntry } from './types.ts';

/** A small first step, so the first screen of a big book needs only a few hundred accounts checked. */
const STEPS = { first: 200, next: 1_000 };

/**
 * Account ids by ARR, highest first, from the `attributes.arr` index (primary keys only: reading the
 * index's own keys would take a cursor step per account); accounts without a numeric ARR are not in it.
 */
async function idsByArr(db: CacheDb): Promise<string[]> {
  const ids = await db.accounts
    .where('attributes.arr')
    .between(-Infinity, Infinity, true, true)
    .primaryKeys();
  return ids.reverse();
}

export interface ArrWalk {
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
 * shows first) is known long before every account is. Accounts sharing the last ARR of a step are
 * settled only once the next ARR shows up, because the book orders them by name.
 */
export function createArrWalk(db: CacheDb, lookups: BookLookups, steps = STEPS): ArrWalk {
  let order: Promise<string[]> | null = null;
  let position = 0;
  let total = Number.POSITIVE_INFINITY;
  const settled: BookEntry[] = [];
  /** Checked, but another account with the same ARR may still come: the last ARR seen. */
  let pending: { arr: number; entries: BookEntry[] } | null = null;
  let queue: Promise<void> = Promise.resolve();

  function settle(entries: BookEntry[]) {
    settled.push(...entries.sort(byImpact));
  }

  async function walkOnce(): Promise<void> {
    order ??= idsByArr(db);
    const ids = await order;
    total = ids.length;
    if (position >= total) return;
    const stepIds = ids.slice(position, position + (position === 0 ? steps.first : steps.next));
    const [accounts, metrics] = await db.transaction('r', db.accounts, db.metrics, () =>
      Promise.all([
        db.accounts.bulkGet(stepIds),
        Promise.all(stepIds.map((id) => db.metrics.where('accountId').equals(id).toArray())),
      ]),
    );
    accounts.forEach((account, i) => {
      // Deleted or changed since the ids were read: the book of the next cursor sorts it out.
      const arr = account?.attributes.arr;
      if (!account || typeof arr !== 'number') return;
      if (pending && pending.arr !== arr) {
        settle(pending.entries);
        pending = null;
      }
      pending ??= { arr, entries: [] };
      const entry = classifyBookEntry(account, metrics[i] ?? [], lookups);
      if (entry) pending.entries.push(entry);
    });
    position += stepIds.length;
    if (position >= total && pending) {
      settle(pending.entries);
      pending = null;
    }
  }

  return {
    get settled() {
      return settled;
    },
    get checked() {
      return position;
    },
    get exhausted() {
      return position >= total;
    },
    step() {
      // A failed step is tried again by the next call.
      queue = queue.then(walkOnce, walkOnce);
      return queue;
    },
  };
}
