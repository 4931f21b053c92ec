import type { CacheDb } from '../cache/db.ts';
import { type BookLookups, byImpact, classifyBookEntry } from './classify.ts';
import type { BookEntry } from './types.ts';

/** A small first step, so the first screen of a big book needs only a few hundred accounts checked. */
const STEPS = { first: 200, next: 1_000 };

/**
 * The next `count` account ids by ARR, highest first, below `below` (all when null), from the
 * `attributes.arr` index, plus every other account sharing the last one's ARR, so a step never
 * splits accounts the book orders by name. Accounts without a numeric ARR are not in the range.
 */
async function nextIds(db: CacheDb, below: number | null, count: number) {
  const range = db.accounts
    .where('attributes.arr')
    .between(-Infinity, below ?? Infinity, true, below === null);
  const ids: string[] = [];
  let last: number | null = null;
  await range
    .reverse()
    .limit(count)
    .eachKey((arr, cursor) => {
      ids.push(cursor.primaryKey as string);
      last = arr as number;
    });
  if (last === null) return { ids, last, more: false };
  const seen = new Set(ids);
  const ties = await db.accounts.where('attributes.arr').equals(last).primaryKeys();
  for (const id of ties) if (!seen.has(id)) ids.push(id);
  return { ids, last, more: seen.size === count };
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
    const next = await nextIds(db, below, checked === 0 ? steps.first : steps.next);
    const [accounts, metrics] = await db.transaction('r', db.accounts, db.metrics, () =>
      Promise.all([
        db.accounts.bulkGet(next.ids),
        Promise.all(next.ids.map((id) => db.metrics.where('accountId').equals(id).toArray())),
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
    checked += next.ids.length;
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
