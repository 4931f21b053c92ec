import { createLeadBookAnswer } from '@/lib/book/answer.ts';
import type { CacheDb } from '@/lib/cache/db.ts';
import type { Handlers } from '@/lib/messages/router.ts';

type LeadHandlers = Pick<Handlers, 'book/misaligned'>;

export function createLeadHandlers(db: CacheDb): LeadHandlers {
  const leadBook = createLeadBookAnswer(db);
  return {
    'book/misaligned': (query) => leadBook.query(query),
  };
}
