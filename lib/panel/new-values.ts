import type { PanelView } from './view-types.ts';

/** What changed between two views of the same account, to mark as new for a moment (SPEC §11). */
export interface NewValues {
  keyResults: string[];
  /** Metric keys whose value or as-of date moved. */
  metrics: string[];
  tier: boolean;
  /** The changed things by name, for a polite screen-reader announcement. */
  names: string[];
}

export const NOTHING_NEW: NewValues = { keyResults: [], metrics: [], tier: false, names: [] };

/**
 * A move of a key result's value that this panel caused: a click (+delta), its undo or a click that
 * failed (−delta). `id` orders them and tells them apart.
 */
export interface OwnMove {
  id: number;
  keyResultId: string;
  delta: number;
}

/** Sums of floating-point deltas need not be exactly equal to the value's move. */
const SAME = 1e-9;

/** How far each key result moved between two views of the same account, for those that moved. */
function keyResultMoves(previous: PanelView, next: PanelView): Map<string, number> {
  const before = new Map(previous.objectives.flatMap((o) => o.keyResults).map((kr) => [kr.id, kr]));
  const moves = new Map<string, number>();
  for (const kr of next.objectives.flatMap((o) => o.keyResults)) {
    const old = before.get(kr.id);
    if (old !== undefined && old.current !== kr.current) moves.set(kr.id, kr.current - old.current);
  }
  return moves;
}

function ownSum(own: readonly OwnMove[], keyResultId: string): number {
  return own.reduce((sum, move) => (move.keyResultId === keyResultId ? sum + move.delta : sum), 0);
}

/**
 * Compares the view the panel showed with the one it is about to show. Another account, or a first
 * view, is not a change: only what moves under the user's eyes is marked. A key result that moved by
 * exactly what `own` (this panel's moves not shown yet) adds up to is the user's own doing, not news;
 * one that moved by more carries someone else's change too, and is marked.
 */
export function newValues(
  previous: PanelView | null,
  next: PanelView | null,
  own: readonly OwnMove[] = [],
): NewValues {
  if (!previous || !next || previous.account.id !== next.account.id) return NOTHING_NEW;
  const moves = keyResultMoves(previous, next);
  const keyResults = next.objectives
    .flatMap((o) => o.keyResults)
    .filter((kr) => {
      const moved = moves.get(kr.id);
      return moved !== undefined && Math.abs(moved - ownSum(own, kr.id)) > SAME;
    });
  const metricsBefore = new Map(
    previous.health.perspectives.flatMap((p) => p.metrics).map((m) => [m.key, m] as const),
  );
  const metrics = next.health.perspectives
    .flatMap((p) => p.metrics)
    .filter((m) => {
      const old = metricsBefore.get(m.key);
      return old !== undefined && (old.value !== m.value || old.asOf !== m.asOf);
    });
  const tier = (previous.tier?.id ?? null) !== (next.tier?.id ?? null);
  return {
    keyResults: keyResults.map((kr) => kr.id),
    metrics: metrics.map((m) => m.key),
    tier,
    names: [
      ...(tier ? [`tier ${next.tier?.name ?? 'removed'}`] : []),
      ...keyResults.map((kr) => kr.title),
      ...metrics.map((m) => m.label),
    ],
  };
}

/**
 * The moves of `own` that the step from `previous` to `next` shows (their key result's value moved),
 * so they are not counted again; the others (an undo whose answer is still on its way) wait.
 */
export function shownOwnMoves(
  previous: PanelView | null,
  next: PanelView | null,
  own: readonly OwnMove[],
): OwnMove[] {
  if (!previous || !next || previous.account.id !== next.account.id) return [];
  const moves = keyResultMoves(previous, next);
  return own.filter((move) => moves.has(move.keyResultId));
}
