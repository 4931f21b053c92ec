import type { CacheDb } from '../cache/db.ts';
import { createArrWalk } from './arr-walk.ts';
import { buildLeadBook } from './book.ts';
import { loadBookLookups } from './classify.ts';
import { type BookWindow, createBookPager, prefixWindow } from './pager.ts';
import { createBookRows } from './rows.ts';
import type { BookPage, BookQuery, LeadBook } from './types.ts';

/**
 * Steps the walk by ARR takes alone before the pass over every account starts beside it: the first
 * screen gets the service worker to itself, and a filter that few accounts match does not wait
 * for a slow walk in ARR order.
 */
const STEPS_ALONE = 2;

/**
 * The book of one version of the synced data. A window of the ARR order is answered as soon as the
 * accounts with the highest ARR fill it (checked by a walk in ARR order that stops once the pass
 * over every account is done), so the first screen of a big book does not wait for the last
 * account. Counts, name order and the windows the walk cannot fill wait for the pass, which starts
 * once the first window is answered.
 */
export function openLeadBook(db: CacheDb, clock: () => number = () => performance.now()) {
  const opened = clock();
  const lookups = loadBookLookups(db);
  let whole: Promise<LeadBook> | null = null;
  let complete: LeadBook | null = null;
  const walk = lookups.then((l) => createArrWalk(db, l));
  const rows = lookups.then((l) => createBookRows(db, l));
  const pager = createBookPager();

  function wholeBook(): Promise<LeadBook> {
    if (!whole) {
      whole = lookups.then((l) => buildLeadBook(db, l, clock));
      whole.then(
        (book) => {
          complete = book;
        },
        () => undefined,
      );
    }
    return whole;
  }

  async function window(query: BookQuery): Promise<BookWindow> {
    if (!query.complete && query.sort === 'arr') {
      const arrWalk = await walk;
      for (let steps = 0; !complete; steps++) {
        const early = prefixWindow(arrWalk.settled, arrWalk.checked, clock() - opened, query);
        if (early) return early;
        if (arrWalk.exhausted) break;
        await (steps < STEPS_ALONE ? arrWalk.step() : Promise.race([arrWalk.step(), wholeBook()]));
      }
    }
    return pager(complete ?? (await wholeBook()), query);
  }

  return {
    whole: wholeBook,
    async page(query: BookQuery): Promise<BookPage> {
      try {
        const found = await window(query);
        return { ...found, accounts: await (await rows).rows(found.accounts) };
      } finally {
        // Counting starts once the rows are on their way, if nothing asked for it earlier.
        wholeBook();
      }
    },
  };
}

export type OpenLeadBook = ReturnType<typeof openLeadBook>;
