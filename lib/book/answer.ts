import { type CacheDb, readKv } from '../cache/db.ts';
import { AppError } from '../errors.ts';
import type { Role, User } from '../schemas/entities.ts';
import { ME_KEY } from '../sync/engine.ts';
import { CURSOR_KEY } from '../sync/forget-synced.ts';
import { ALL_ACCOUNTS } from './filter.ts';
import { type OpenLeadBook, openLeadBook } from './open-book.ts';
import { type BookPage, type BookQuery, DEFAULT_PAGE_SIZE } from './types.ts';

/** Leads keep the book aligned; admins see the whole org anyway. */
const BOOK_ROLES: ReadonlySet<Role> = new Set(['lead', 'admin']);

/**
 * Answers "which accounts of my book are misaligned?" for the signed-in user. The synced data only
 * changes together with the sync cursor, so the book opened for a cursor is reused until it moves:
 * scrolling and filtering cost a slice, not another pass over every account.
 */
export function createLeadBookAnswer(db: CacheDb) {
  type Opened = { key: string; book: OpenLeadBook };
  let last: Opened | null = null;

  async function currentBook(): Promise<Opened> {
    const [me, cursor] = await Promise.all([readKv<User>(db, ME_KEY), readKv<string>(db, CURSOR_KEY)]);
    if (!me) throw new AppError('not_connected', 'Connect Goal Lens and sync once to see the book view.');
    if (!BOOK_ROLES.has(me.role)) throw new AppError('forbidden_role', 'Only leads see the book view.');
    const key = JSON.stringify([me.id, cursor ?? null]);
    if (last?.key !== key) last = { key, book: openLeadBook(db) };
    return last;
  }

  /** A book that failed is not remembered: the next request opens it again. */
  async function withBook<T>(use: (book: OpenLeadBook) => Promise<T>): Promise<T> {
    const opened = await currentBook();
    try {
      return await use(opened.book);
    } catch (error) {
      if (last === opened) last = null;
      throw error;
    }
  }

  return {
    /** Every misaligned account, once all are checked. */
    book: () => withBook((book) => book.whole()),
    query(query: Partial<BookQuery>): Promise<BookPage> {
      return withBook((book) =>
        book.page({ ...ALL_ACCOUNTS, offset: 0, limit: DEFAULT_PAGE_SIZE, ...query }),
      );
    },
  };
}
