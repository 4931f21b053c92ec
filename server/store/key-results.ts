import type { KeyResult } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';

/** The stored key results among `ids`, by id. */
export async function loadKeyResults(tx: Db, ids: readonly string[]): Promise<Map<string, KeyResult>> {
  const rows = await tx.query<{ data: KeyResult }>(
    'SELECT data FROM key_results WHERE id = ANY($1::text[])',
    [ids],
  );
  return new Map(rows.map((row) => [row.data.id, row.data]));
}

/** A KR is linked to an account named in its scope or to every account of a tier in its scope. */
export function isLinked(kr: KeyResult, accountId: string, tierId: string): boolean {
  return (kr.scope.accountIds?.includes(accountId) ?? false) || (kr.scope.tierIds?.includes(tierId) ?? false);
}

/**
 * The key result moved by `delta` and stamped `at`, or null when the sum leaves the finite numbers:
 * JSON cannot carry those, so the KR would reach every client as `current: null` and fail validation.
 */
export function moveCurrent(kr: KeyResult, delta: number, at: string): KeyResult | null {
  const current = kr.current + delta;
  return Number.isFinite(current) ? { ...kr, current, updatedAt: at } : null;
}
