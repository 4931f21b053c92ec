import type { KeyResult } from '../schemas/entities.ts';
import { keyResultProgress } from './progress.ts';

/** An amount a key result's value does not include yet: a click not sent, or the undo of a counted one. */
export interface PendingDelta {
  keyResultId: string;
  accountId: string;
  delta: number;
}

interface OptimisticValue {
  current: number;
  progress: number;
  /** What the account moved the key result by, pending amounts included. */
  accountContribution: number;
}

/**
 * What the user sees for a key result: the value it was last known to have plus every pending amount
 * for it, and the account's own share likewise. The background applies the outbox to the cached value
 * with it, and the panel applies its clicks in flight to the background's answer with it.
 */
export function optimisticValue(
  kr: Pick<KeyResult, 'id' | 'unit' | 'start' | 'target' | 'current'>,
  account: { id: string; contribution: number },
  pending: Iterable<PendingDelta>,
): OptimisticValue {
  let current = kr.current;
  let accountContribution = account.contribution;
  for (const { keyResultId, accountId, delta } of pending) {
    if (keyResultId !== kr.id) continue;
    current += delta;
    if (accountId === account.id) accountContribution += delta;
  }
  return { current, progress: keyResultProgress({ ...kr, current }), accountContribution };
}
