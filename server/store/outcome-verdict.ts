import { deltaProblem, INEXACT_SUM } from '../../lib/okr/delta-limit.ts';
import type { KeyResult, Outcome, User } from '../../lib/schemas/index.ts';
import { canRead } from '../feed/audience.ts';
import type { AccountAccess } from './account-access.ts';
import { countsTowardCurrent } from './key-result-value.ts';
import { isLinked, moveCurrent } from './key-results.ts';

/** What a batch's verdicts depend on: read once under the feed lock, then kept current as outcomes apply. */
export interface BatchState {
  user: Pick<User, 'id' | 'role' | 'teamId'>;
  /** Outcomes stored or applied earlier in the batch, undone ones included. */
  known: Map<string, Outcome>;
  /** Ids this user undid before they arrived. */
  revoked: Set<string>;
  keyResults: Map<string, KeyResult>;
  accounts: Map<string, AccountAccess>;
}

type Verdict =
  | { status: 'apply'; keyResult: KeyResult }
  | { status: 'duplicate' }
  | { status: 'rejected'; reason: string };

function rejected(reason: string): Verdict {
  return { status: 'rejected', reason };
}

/** The id is the idempotency key: the same id must always mean the same outcome. */
function sameContent(a: Outcome, b: Outcome): boolean {
  return (
    a.keyResultId === b.keyResultId &&
    a.accountId === b.accountId &&
    a.delta === b.delta &&
    a.note === b.note &&
    a.loggedBy === b.loggedBy &&
    a.occurredAt === b.occurredAt
  );
}

/** Decides one outcome; `at` stamps the KR it would move. */
export function judge(outcome: Outcome, state: BatchState, at: string): Verdict {
  if (outcome.loggedBy !== state.user.id) return rejected('loggedBy is not the user of this token');
  // Identity before access: a retry of an outcome that did apply must hear "duplicate" even if the
  // user has lost the account since, or the client would roll back an effect that stands.
  const earlier = state.known.get(outcome.id);
  if (earlier !== undefined) {
    return sameContent(earlier, outcome)
      ? { status: 'duplicate' }
      : rejected('id already used for a different outcome');
  }
  if (state.revoked.has(outcome.id)) return rejected('undone before it arrived');
  const kr = state.keyResults.get(outcome.keyResultId);
  if (kr === undefined) return rejected('unknown key result');
  // Missing and hidden accounts get the same answer, so other teams' account ids do not leak.
  const account = state.accounts.get(outcome.accountId);
  if (account === undefined || !canRead(state.user, account.audience))
    return rejected('no access to this account');
  if (!isLinked(kr, outcome.accountId, account.tierId))
    return rejected('key result is not linked to this account');
  const problem = deltaProblem(kr, outcome.delta);
  if (problem !== null) return rejected(problem);
  // A measurement dated after this moment already holds the outcome: it is recorded, the value stays.
  if (!countsTowardCurrent(kr, at)) return { status: 'apply', keyResult: kr };
  const moved = moveCurrent(kr, outcome.delta, at);
  if (moved === null) return rejected(INEXACT_SUM);
  return { status: 'apply', keyResult: { ...moved, source: 'outcome', updatedBy: state.user.id } };
}
