import type { KeyResult, Outcome, OutcomesResponse, User } from '../../lib/schemas/index.ts';
import { recordOutcomeMoves } from '../admin/audit.ts';
import type { Db } from '../db/types.ts';
import { writeTransaction } from '../feed/lock.ts';
import { loadAccountAccess } from './account-access.ts';
import { loadKeyResults } from './key-results.ts';
import { loadOutcomes } from './outcome-rows.ts';
import { type BatchState, judge } from './outcome-verdict.ts';
import { putEntities } from './put.ts';
import { revokedIds } from './revocations.ts';

const unique = (values: string[]) => [...new Set(values)];

/**
 * Applies a batch of outcomes logged by `user` in one write transaction: each is applied, a
 * duplicate, or rejected with a reason. Applied outcomes move their KR's `current` and put the KR and
 * the outcome into the feed, and the audit log names who moved which KR. The feed lock serialises
 * this with every other writer, so the state read here cannot change before the batch commits and
 * concurrent batches on one KR all count.
 */
export async function applyOutcomes(
  db: Db,
  user: BatchState['user'] & Pick<User, 'name'>,
  outcomes: readonly Outcome[],
): Promise<OutcomesResponse> {
  return writeTransaction(db, async (tx) => {
    // Stamped once the lock is held, so a KR's updatedAt never goes back behind a writer that went first.
    const at = new Date().toISOString();
    const ids = unique(outcomes.map((outcome) => outcome.id));
    const state: BatchState = {
      user,
      known: await loadOutcomes(tx, ids),
      revoked: await revokedIds(tx, user.id, ids),
      keyResults: await loadKeyResults(tx, unique(outcomes.map((outcome) => outcome.keyResultId))),
      accounts: await loadAccountAccess(tx, unique(outcomes.map((outcome) => outcome.accountId))),
    };
    const applied: Outcome[] = [];
    const touched = new Map<string, KeyResult>();
    const results = outcomes.map((outcome): OutcomesResponse['results'][number] => {
      const verdict = judge(outcome, state, at);
      if (verdict.status === 'rejected')
        return { id: outcome.id, status: 'rejected', reason: verdict.reason };
      if (verdict.status === 'duplicate') return { id: outcome.id, status: 'duplicate' };
      // Later outcomes of the batch see this one: they build on the moved KR and meet the id as known.
      state.known.set(outcome.id, outcome);
      state.keyResults.set(verdict.keyResult.id, verdict.keyResult);
      touched.set(verdict.keyResult.id, verdict.keyResult);
      applied.push(outcome);
      return { id: outcome.id, status: 'applied' };
    });
    // KRs first, so a client applying the feed in order meets an outcome after the KR it moved.
    await putEntities(tx, 'keyResult', [...touched.values()]);
    await putEntities(tx, 'outcome', applied);
    await recordOutcomeMoves(tx, user, [...touched.keys()]);
    return { results, keyResults: [...touched.values()] };
  });
}
