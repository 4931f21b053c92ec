import { countKinds, filterBook, filterOptions } from './filter.ts';
import type { BookEntry, BookPage, BookQuery, KindCounts, LeadBook, Option } from './types.ts';

/** A window of the book as entries: the rows get their reasons and links once it is chosen. */
export type BookWindow = Omit<BookPage, 'accounts'> & { accounts: BookEntry[] };

/**
 * Answers windows of a whole book. Scrolling asks for window after window with the same filters, so
 * the filtered list of the last filters is kept, and the filter menus once per book.
 */
export function createBookPager() {
  let filtered: { book: LeadBook; key: string; accounts: BookEntry[]; counts: KindCounts } | null = null;
  let menus: { book: LeadBook; owners: Option[]; tiers: Option[] } | null = null;
  return function page(book: LeadBook, query: BookQuery): BookWindow {
    const key = JSON.stringify([query.kind, query.owner, query.tier, query.sort]);
    if (filtered?.book !== book || filtered.key !== key) {
      filtered = {
        book,
        key,
        accounts: filterBook(book.accounts, query),
        counts: countKinds(book.accounts, query),
      };
    }
    if (menus?.book !== book) menus = { book, ...filterOptions(book.accounts) };
    return {
      offset: query.offset,
      accounts: filtered.accounts.slice(query.offset, query.offset + query.limit),
      total: filtered.accounts.length,
      counts: filtered.counts,
      counting: false,
      misaligned: book.accounts.length,
      checked: book.checked,
      computeMs: book.computeMs,
      owners: menus.owners,
      tiers: menus.tiers,
    };
  };
}

/**
 * A window of the top of the book while the rest is still checked, or null when the accounts checked
 * so far do not fill it yet. `settled` is a prefix of the book in its ARR order.
 */
export function prefixWindow(
  settled: readonly BookEntry[],
  checked: number,
  computeMs: number,
  query: BookQuery,
): BookWindow | null {
  if (query.sort !== 'arr') return null;
  const matches = filterBook(settled, query);
  if (matches.length < query.offset + query.limit) return null;
  return {
    offset: query.offset,
    accounts: matches.slice(query.offset, query.offset + query.limit),
    total: matches.length,
    counts: countKinds(settled, query),
    counting: true,
    misaligned: settled.length,
    checked,
    computeMs,
    ...filterOptions(settled),
  };
}
