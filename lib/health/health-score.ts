import { type Metric, type MetricDefinition, PERSPECTIVES, type Perspective } from '../schemas/entities.ts';
import { type MetricStatus, metricScore, metricStatus } from './metric-score.ts';

export interface ScoredMetric {
  key: string;
  label: string;
  unit: string;
  perspective: Perspective;
  value: number;
  asOf: string;
  status: MetricStatus;
  score: number;
  weight: number;
  higherIsBetter: boolean;
}

export interface PerspectiveScore {
  perspective: Perspective;
  /** null when the account has no metric in this perspective. */
  score: number | null;
  metrics: ScoredMetric[];
}

interface HealthScore {
  score: number | null;
  perspectives: PerspectiveScore[];
  /** The metric whose shortfall costs the overall score the most points. */
  drag: { key: string; label: string; points: number } | null;
}

function weightedMean(metrics: ScoredMetric[]): number {
  const totalWeight = metrics.reduce((sum, m) => sum + m.weight, 0);
  // All-zero weights would divide by zero; treat them as equal weights.
  if (totalWeight === 0) return metrics.reduce((sum, m) => sum + m.score, 0) / metrics.length;
  return metrics.reduce((sum, m) => sum + m.score * m.weight, 0) / totalWeight;
}

function effectiveWeight(metric: ScoredMetric, group: ScoredMetric[]): number {
  const totalWeight = group.reduce((sum, m) => sum + m.weight, 0);
  return totalWeight === 0 ? 1 / group.length : metric.weight / totalWeight;
}

export function scoreMetrics(
  values: Pick<Metric, 'key' | 'value' | 'asOf'>[],
  definitions: ReadonlyMap<string, MetricDefinition>,
): ScoredMetric[] {
  const scored: ScoredMetric[] = [];
  for (const metric of values) {
    const def = definitions.get(metric.key);
    if (!def) continue;
    scored.push({
      key: def.key,
      label: def.label,
      unit: def.unit,
      perspective: def.perspective,
      value: metric.value,
      asOf: metric.asOf,
      status: metricStatus(def, metric.value),
      score: metricScore(def, metric.value),
      weight: def.weight,
      higherIsBetter: def.direction === 'higher_is_better',
    });
  }
  return scored;
}

/**
 * Balanced scorecard: each perspective is a weighted mean of its own metrics, and the overall score
 * is the plain mean of the perspectives that have data, so ten financial metrics cannot drown one
 * customer metric.
 */
export function healthScore(metrics: ScoredMetric[]): HealthScore {
  const perspectives = PERSPECTIVES.map((perspective) => {
    const group = metrics.filter((m) => m.perspective === perspective);
    return { perspective, score: group.length ? weightedMean(group) : null, metrics: group };
  });
  const withData = perspectives.filter((p) => p.score !== null);
  if (withData.length === 0) return { score: null, perspectives, drag: null };
  const score = withData.reduce((sum, p) => sum + (p.score ?? 0), 0) / withData.length;

  let drag: HealthScore['drag'] = null;
  for (const p of withData) {
    for (const m of p.metrics) {
      const points = ((100 - m.score) * effectiveWeight(m, p.metrics)) / withData.length;
      if (points > 0 && (!drag || points > drag.points)) drag = { key: m.key, label: m.label, points };
    }
  }
  return { score, perspectives, drag };
}
