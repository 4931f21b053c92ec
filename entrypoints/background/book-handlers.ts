import { createLeadBookAnswer } from '@/lib/book/answer.ts';
import type { CacheDb } from '@/lib/cache/db.ts';
import type { Handlers } from '@/lib/messages/router.ts';

export function createBookHandlers(db: CacheDb): Pick<Handlers, 'book/misaligned'> {
  const leadBook = createLeadBookAnswer(db);
  return {
    'book/misaligned': (query) => leadBook.query(query),
  };
}
