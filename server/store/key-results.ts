import { exactAdd } from '../../lib/okr/exact-add.ts';
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
 * The key result moved by `delta` and stamped `at`, or null when the exact sum has no double of its own:
 * `current` must stay exactly start + the live deltas, so a later undo lands where it should.
 */
export function moveCurrent(kr: KeyResult, delta: number, at: string): KeyResult | null {
  const current = exactAdd(kr.current, delta);
  return current === null ? null : { ...kr, current, updatedAt: at };
}
