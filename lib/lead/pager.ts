import { countKinds, filterBook, filterOptions } from './filter.ts';
import type { BookPage, BookQuery, KindCounts, LeadBook, MisalignedAccount, Option } from './types.ts';

/**
 * Answers windows of a book. Scrolling asks for window after window with the same filters, so the
 * filtered list of the last filters is kept, and the filter menus once per book.
 */
export function createBookPager() {
  let filtered: { book: LeadBook; key: string; accounts: MisalignedAccount[]; counts: KindCounts } | null =
    null;
  let menus: { book: LeadBook; owners: Option[]; tiers: Option[] } | null = null;
  return function page(book: LeadBook, query: BookQuery): BookPage {
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
      misaligned: book.accounts.length,
      checked: book.checked,
      computeMs: book.computeMs,
      owners: menus.owners,
      tiers: menus.tiers,
    };
  };
}
