import { type CacheDb, readKv } from '@/lib/cache/db.ts';
import { AppError } from '@/lib/errors.ts';
import type { Handlers } from '@/lib/messages/router.ts';
import type { SenderFacts } from '@/lib/messages/sender.ts';
import { addNote, logOutcome, undoOutcome } from '@/lib/outbox/log.ts';
import type { User } from '@/lib/schemas/entities.ts';
import { ME_KEY } from '@/lib/sync/engine.ts';
import { type ChangedBy, changedByOf } from './broadcast.ts';
import type { SyncScheduler } from './scheduler.ts';

type OutcomeHandlers = Pick<Handlers, 'outcome/log' | 'outcome/undo' | 'outcome/note'>;

export function createOutcomeHandlers(
  db: CacheDb,
  scheduler: SyncScheduler,
  onCacheChanged: (changedBy?: ChangedBy) => void,
): OutcomeHandlers {
  /**
   * The click is acknowledged once the outbox row is durable; delivery happens after. The panel that
   * clicked asks again when answered, so only the other tabs are told.
   */
  const afterWrite = (sender: SenderFacts) => {
    onCacheChanged(changedByOf(sender));
    void scheduler.deliver();
  };
  return {
    async 'outcome/log'(input, sender) {
      const me = await readKv<User>(db, ME_KEY);
      if (!me)
        throw new AppError('not_connected', 'Connect Goal Lens and sync once before logging outcomes.');
      const outcome = await logOutcome(db, input, me.id, new Date());
      afterWrite(sender);
      return { outcome };
    },
    async 'outcome/undo'({ outcomeId }, sender) {
      const row = await db.outbox.get(outcomeId);
      const outcome = row?.outcome ?? (await db.outcomes.get(outcomeId));
      if (!outcome) throw new AppError('unknown_outcome', 'This outcome is no longer known here.');
      await undoOutcome(db, outcome);
      afterWrite(sender);
      return {};
    },
    async 'outcome/note'({ outcomeId, note }, sender) {
      const outcome = await addNote(db, outcomeId, note, new Date());
      afterWrite(sender);
      return { outcome };
    },
  };
}
