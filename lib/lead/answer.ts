import { type CacheDb, readKv } from '../cache/db.ts';
import { AppError } from '../errors.ts';
import type { Role, User } from '../schemas/entities.ts';
import { CURSOR_KEY, ME_KEY } from '../sync/engine.ts';
import { buildLeadBook } from './book.ts';
import { ALL_ACCOUNTS } from './filter.ts';
import { createBookPager } from './pager.ts';
import { type BookPage, type BookQuery, DEFAULT_PAGE_SIZE, type LeadBook } from './types.ts';

/** Leads keep the book aligned; admins see the whole org anyway. */
const BOOK_ROLES: ReadonlySet<Role> = new Set(['lead', 'admin']);

/**
 * Answers "which accounts of my book are misaligned?" for the signed-in user. The synced data only
 * changes together with the sync cursor, so the book computed for a cursor is reused until it moves:
 * scrolling and filtering cost a slice, not another pass over every account.
 */
export function createLeadBookAnswer(db: CacheDb) {
  let last: { key: string; book: Promise<LeadBook> } | null = null;
  const page = createBookPager();

  async function currentBook(): Promise<LeadBook> {
    const [me, cursor] = await Promise.all([readKv<User>(db, ME_KEY), readKv<string>(db, CURSOR_KEY)]);
    if (!me) throw new AppError('not_connected', 'Connect Goal Lens and sync once to see the book view.');
    if (!BOOK_ROLES.has(me.role)) throw new AppError('forbidden_role', 'Only leads see the book view.');
    const key = JSON.stringify([me.id, cursor ?? null]);
    if (last?.key !== key) {
      const book = buildLeadBook(db);
      last = { key, book };
      // A failed computation is not remembered: the next request tries again.
      book.catch(() => {
        if (last?.book === book) last = null;
      });
    }
    return last.book;
  }

  return {
    book: currentBook,
    async query(query: Partial<BookQuery>): Promise<BookPage> {
      return page(await currentBook(), {
        ...ALL_ACCOUNTS,
        offset: 0,
        limit: DEFAULT_PAGE_SIZE,
        ...query,
      });
    },
  };
}
