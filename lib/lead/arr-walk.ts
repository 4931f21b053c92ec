import type { CacheDb } from '../cache/db.ts';
import { type BookLookups, byImpact, classifyBookEntry } from './classify.ts';
import type { BookEntry } from './types.ts';

/** Small first steps, so the first screen of a big book needs only a few hundred accounts checked. */
const FIRST_STEP = 200;
const STEP = 1_000;

/** Account ids by ARR, highest first, from the `attributes.arr` index; accounts without a numeric ARR are not in it. */
async function idsByArr(db: CacheDb): Promise<{ ids: string[]; arrs: number[] }> {
  return db.transaction('r', db.accounts, async () => {
    const range = db.accounts.where('attributes.arr').between(-Infinity, Infinity, true, true);
    const [ids, arrs] = await Promise.all([range.primaryKeys(), range.keys()]);
    return { ids: ids.reverse(), arrs: (arrs as number[]).reverse() };
  });
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
 * shows first) is known long before every account is. Each step ends on a change of ARR, so accounts
 * with the same ARR, which the book orders by name, are always checked together.
 */
export function createArrWalk(db: CacheDb, lookups: BookLookups): ArrWalk {
  let order: Promise<{ ids: string[]; arrs: number[] }> | null = null;
  let position = 0;
  let total = Number.POSITIVE_INFINITY;
  const settled: BookEntry[] = [];
  let queue: Promise<void> = Promise.resolve();

  async function walkOnce(): Promise<void> {
    order ??= idsByArr(db);
    const { ids, arrs } = await order;
    total = ids.length;
    if (position >= total) return;
    let end = Math.min(total, position + (position === 0 ? FIRST_STEP : STEP));
    while (end < total && arrs[end] === arrs[end - 1]) end++;
    const stepIds = ids.slice(position, end);
    const [accounts, metrics] = await db.transaction('r', db.accounts, db.metrics, () =>
      Promise.all([
        db.accounts.bulkGet(stepIds),
        Promise.all(stepIds.map((id) => db.metrics.where('accountId').equals(id).toArray())),
      ]),
    );
    const found: BookEntry[] = [];
    accounts.forEach((account, i) => {
      // Deleted since the ids were read: the book of the next cursor will not have it either.
      if (!account) return;
      const entry = classifyBookEntry(account, metrics[i] ?? [], lookups);
      if (entry) found.push(entry);
    });
    settled.push(...found.sort(byImpact));
    position = end;
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
