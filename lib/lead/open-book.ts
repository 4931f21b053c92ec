import type { CacheDb } from '../cache/db.ts';
import { createArrWalk } from './arr-walk.ts';
import { buildLeadBook } from './book.ts';
import { loadBookLookups } from './classify.ts';
import { type BookWindow, createBookPager, prefixWindow } from './pager.ts';
import { createBookRows } from './rows.ts';
import type { BookPage, BookQuery, LeadBook } from './types.ts';

/**
 * The book of one version of the synced data. Opening it starts the pass over every account; a
 * window of the ARR order is answered as soon as the accounts with the highest ARR fill it (checked
 * by a second, ARR-ordered walk that stops once the pass is done), so the first screen of a big book
 * does not wait for the last account. Counts, name order and the other windows wait for the pass.
 */
export function openLeadBook(db: CacheDb, clock: () => number = () => performance.now()) {
  const opened = clock();
  const lookups = loadBookLookups(db);
  const whole: Promise<LeadBook> = lookups.then((l) => buildLeadBook(db, l, clock));
  let complete: LeadBook | null = null;
  whole.then(
    (book) => {
      complete = book;
    },
    () => undefined,
  );
  const walk = lookups.then((l) => createArrWalk(db, l));
  const rows = lookups.then((l) => createBookRows(db, l));
  const pager = createBookPager();

  async function window(query: BookQuery): Promise<BookWindow> {
    if (!query.complete && query.sort === 'arr') {
      const arrWalk = await walk;
      while (!complete) {
        const early = prefixWindow(arrWalk.settled, arrWalk.checked, clock() - opened, query);
        if (early) return early;
        if (arrWalk.exhausted) break;
        await Promise.race([arrWalk.step(), whole]);
      }
    }
    return pager(complete ?? (await whole), query);
  }

  return {
    whole: () => whole,
    async page(query: BookQuery): Promise<BookPage> {
      const found = await window(query);
      return { ...found, accounts: await (await rows).rows(found.accounts) };
    },
  };
}

export type OpenLeadBook = ReturnType<typeof openLeadBook>;
