import type { UndoResponse, User } from '../../lib/schemas/index.ts';
import { recordOutcomeMoves } from '../admin/audit.ts';
import type { Db } from '../db/types.ts';
import { canRead } from '../feed/audience.ts';
import { writeTransaction } from '../feed/lock.ts';
import { ApiHttpError } from '../http/errors.ts';
import { feedTombstone } from './feed-rows.ts';
import { countsTowardCurrent } from './key-result-value.ts';
import { loadKeyResults, moveCurrent } from './key-results.ts';
import { loadOutcome, markUndone } from './outcome-rows.ts';
import { putEntities } from './put.ts';
import { recordRevocation } from './revocations.ts';

/**
 * Reverts an outcome once: its KR moves back, the outcome leaves the feed, and its row stays (marked
 * undone) so a late retry of it is a duplicate rather than a second effect. An id the server has not
 * seen, or one on an account the user cannot see, is revoked for this user instead.
 * Only the user who logged it, or an admin, may undo it: a teammate's number is theirs to take back.
 */
export async function undoOutcome(
  db: Db,
  user: Pick<User, 'id' | 'name' | 'role' | 'teamId'>,
  id: string,
): Promise<UndoResponse> {
  return writeTransaction(db, async (tx) => {
    // Stamped once the lock is held, so a KR's updatedAt never goes back behind a writer that went first.
    const at = new Date().toISOString();
    const stored = await loadOutcome(tx, id);
    const mine = stored?.outcome.loggedBy === user.id;
    // Another team's outcome gets exactly the answer of an id never seen, so ids cannot be probed.
    // The logger keeps their own outcome even after its account moved away from them.
    if (stored === null || (!mine && !canRead(user, stored.audience))) {
      await recordRevocation(tx, user.id, id);
      return { id, status: 'revoked', keyResults: [] };
    }
    if (!mine && user.role !== 'admin') {
      throw new ApiHttpError(
        403,
        'forbidden',
        'Only the user who logged this outcome, or an admin, can undo it.',
      );
    }
    if (stored.undone) return { id, status: 'already_undone', keyResults: [] };

    const { keyResultId, delta } = stored.outcome;
    // The KR may have been deleted since; the outcome is still undone, with no KR to move.
    const kr = (await loadKeyResults(tx, [keyResultId])).get(keyResultId);
    const reverted =
      kr === undefined
        ? undefined
        : countsTowardCurrent(kr, stored.loggedAt)
          ? moveCurrent(kr, -delta, at)
          : kr;
    if (reverted === null) {
      throw new ApiHttpError(
        422,
        'out_of_range',
        'Undoing this outcome would leave its key result at a value it cannot hold exactly.',
      );
    }
    await markUndone(tx, id, user.id);
    await feedTombstone(tx, 'outcome', [id]);
    if (reverted === undefined) return { id, status: 'undone', keyResults: [] };
    const stamped = reverted === kr ? kr : { ...reverted, source: 'outcome' as const, updatedBy: user.id };
    await putEntities(tx, 'keyResult', [stamped]);
    // A KR whose measurement already took the outcome in did not move: nothing to audit.
    await recordOutcomeMoves(tx, user, stamped === kr ? [] : [stamped.id]);
    return { id, status: 'undone', keyResults: [stamped] };
  });
}
