import type { LeadBookAnswer } from '@/lib/lead/answer.ts';
import type { Handlers } from '@/lib/messages/router.ts';

type LeadHandlers = Pick<Handlers, 'lead/misaligned'>;

export function createLeadHandlers(leadBook: LeadBookAnswer): LeadHandlers {
  return {
    'lead/misaligned': (query) => leadBook.query(query),
  };
}
