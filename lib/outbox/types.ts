import type { PendingDelta } from '../okr/optimistic.ts';
import type { Outcome } from '../schemas/entities.ts';

/**
 * An outcome the backend has not settled yet. `applied` says the backend confirmed it; `undo` that
 * the user took it back. What the row still owes the backend follows from the two:
 * not applied and not undone → POST; undone → DELETE (the backend may or may not have it).
 */
export interface OutboxRow {
  id: string;
  outcome: Outcome;
  status: 'pending' | 'rejected';
  applied: boolean;
  undo: boolean;
  attempts: number;
  createdAt: string;
  reason?: string;
}

export function newOutboxRow(outcome: Outcome, now: Date): OutboxRow {
  return {
    id: outcome.id,
    outcome,
    status: 'pending',
    applied: false,
    undo: false,
    attempts: 0,
    createdAt: now.toISOString(),
  };
}

/** Still owed to the backend as a new outcome: the cached values do not include it yet. */
export function isUnsent(row: OutboxRow): boolean {
  return row.status === 'pending' && !row.applied && !row.undo;
}

/**
 * What the row still adds to its key result's cached value. Not yet applied: the cached value lacks
 * it. Applied then undone: the cached value still has it, so it is taken back.
 */
export function owedDelta(row: OutboxRow): PendingDelta {
  const undoneAfterApplied = row.status === 'pending' && row.applied && row.undo;
  const delta = isUnsent(row) ? row.outcome.delta : undoneAfterApplied ? -row.outcome.delta : 0;
  return { keyResultId: row.outcome.keyResultId, accountId: row.outcome.accountId, delta };
}
