import { readAccount } from '../cache/account-store.ts';
import type { CacheDb } from '../cache/db.ts';
import { AppError } from '../errors.ts';
import { deltaProblem } from '../okr/delta-limit.ts';
import { linkOf } from '../okr/linked.ts';
import { DEFAULT_QUICK_LOG, type Outcome } from '../schemas/entities.ts';
import { outcomeProblem } from './check.ts';
import { withRoomForOutbox } from './room.ts';
import { isUnsent, newOutboxRow, type OutboxRow } from './types.ts';

const LOG_NOT_SAVED = 'this outcome was NOT saved. Free up disk space, then log it again.';
const UNDO_NOT_SAVED =
  'the undo was NOT saved, so the outcome still counts. Free up disk space, then undo it again.';
const NOTE_NOT_SAVED = 'the note was NOT saved. Free up disk space, then add it again.';

/**
 * The backend would refuse it for good: saying so now, before anything is queued, beats a row that
 * is rejected later (or, against a backend that fails on it, never delivered).
 */
function refuseUnsendable(outcome: Outcome, what: string): void {
  const problem = outcomeProblem(outcome);
  if (problem) throw new AppError('invalid_outcome', `${what}: ${problem}.`);
}

interface LogRequest {
  keyResultId: string;
  accountId: string;
  note?: string;
}

/**
 * Durable before it is acknowledged: the row is committed with strict durability, so a click the user
 * saw succeed survives a crash, a killed service worker or a closed browser.
 */
export async function logOutcome(
  db: CacheDb,
  request: LogRequest,
  loggedBy: string,
  now: Date,
): Promise<Outcome> {
  // Set once the click is checked; a retry after making room writes just this row, since making
  // room may have dropped the cached key result and account it was checked against.
  let checked: OutboxRow | undefined;
  const checkAndAdd = () =>
    db.transaction('rw', [db.outbox, db.keyResults, db.accountBlocks], async () => {
      const [kr, account] = await Promise.all([
        db.keyResults.get(request.keyResultId),
        readAccount(db, request.accountId),
      ]);
      if (!kr)
        throw new AppError(
          'unknown_key_result',
          'This key result is no longer in Goal Lens. Sync and try again.',
        );
      if (!account)
        throw new AppError('unknown_account', 'This account is no longer in Goal Lens. Sync and try again.');
      if (!linkOf(kr, account)) {
        throw new AppError('not_linked', `"${kr.title}" is not linked to ${account.name}.`);
      }
      const outcome: Outcome = {
        id: crypto.randomUUID(),
        keyResultId: kr.id,
        accountId: account.id,
        delta: (kr.quickLog ?? DEFAULT_QUICK_LOG).delta,
        loggedBy,
        occurredAt: now.toISOString(),
        ...(request.note ? { note: request.note } : {}),
      };
      refuseUnsendable(outcome, 'This outcome was not logged');
      const limit = deltaProblem(kr, outcome.delta);
      if (limit) throw new AppError('invalid_outcome', `This outcome was not logged: ${limit}.`);
      checked = newOutboxRow(outcome, now);
      await db.outbox.add(checked);
      return outcome;
    });
  return withRoomForOutbox(
    db,
    async () => {
      if (!checked) return checkAndAdd();
      await db.outbox.add(checked);
      return checked.outcome;
    },
    LOG_NOT_SAVED,
  );
}

/**
 * Undo is purely local while no delivery was ever attempted. Once one was, the backend may have the
 * outcome (a response can be lost), so the row stays to carry a DELETE, which also revokes an outcome
 * that has not arrived yet. Undoing an outcome already settled and gone from the outbox is a DELETE too.
 */
export function undoOutcome(db: CacheDb, outcome: Outcome): Promise<void> {
  return withRoomForOutbox(db, () => undoInTransaction(db, outcome), UNDO_NOT_SAVED);
}

async function undoInTransaction(db: CacheDb, outcome: Outcome): Promise<void> {
  await db.transaction('rw', [db.outbox, db.outcomes], async () => {
    const row = await db.outbox.get(outcome.id);
    if (row?.status === 'rejected' || (row && !row.applied && row.attempts === 0)) {
      await db.outbox.delete(outcome.id);
      return;
    }
    const base: OutboxRow = row ?? { ...newOutboxRow(outcome, new Date()), applied: true };
    await db.outbox.put({ ...base, undo: true });
  });
}

/**
 * A note added after the click. An outcome not yet sent is amended; one the backend may already hold
 * cannot change (its id is its idempotency key), so it is undone and logged again with the note.
 */
export function addNote(db: CacheDb, outcomeId: string, note: string, now: Date): Promise<Outcome> {
  return withRoomForOutbox(db, () => noteInTransaction(db, outcomeId, note, now), NOTE_NOT_SAVED);
}

function noteInTransaction(db: CacheDb, outcomeId: string, note: string, now: Date): Promise<Outcome> {
  return db.transaction('rw', [db.outbox, db.outcomes], async () => {
    const row = await db.outbox.get(outcomeId);
    const original = row?.outcome ?? (await db.outcomes.get(outcomeId));
    if (!original)
      throw new AppError('unknown_outcome', 'This outcome is no longer known here; log it again.');
    refuseUnsendable({ ...original, note }, 'The note was not saved');
    if (row && isUnsent(row) && row.attempts === 0) {
      const outcome = { ...row.outcome, note };
      await db.outbox.put({ ...row, outcome });
      return outcome;
    }
    await undoInTransaction(db, original);
    const outcome: Outcome = { ...original, id: crypto.randomUUID(), note };
    await db.outbox.add(newOutboxRow(outcome, now));
    return outcome;
  });
}
