import type { CacheDb } from '@/lib/cache/db.ts';
import { createLeadBookAnswer } from '@/lib/lead/answer.ts';
import type { Handlers } from '@/lib/messages/router.ts';

type LeadHandlers = Pick<Handlers, 'lead/misaligned'>;

export function createLeadHandlers(db: CacheDb): LeadHandlers {
  const leadBook = createLeadBookAnswer(db);
  return {
    'lead/misaligned': (query) => leadBook.query(query),
  };
}
