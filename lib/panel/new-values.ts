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
 * Compares the view the panel showed with the one it is about to show. Another account, or a first
 * view, is not a change: only what moves under the user's eyes is marked.
 */
export function newValues(previous: PanelView | null, next: PanelView | null): NewValues {
  if (!previous || !next || previous.account.id !== next.account.id) return NOTHING_NEW;
  const before = new Map(previous.objectives.flatMap((o) => o.keyResults).map((kr) => [kr.id, kr]));
  const keyResults = next.objectives
    .flatMap((o) => o.keyResults)
    .filter((kr) => {
      const old = before.get(kr.id);
      return old !== undefined && old.current !== kr.current;
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
