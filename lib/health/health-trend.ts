import type { Metric, MetricDefinition } from '../schemas/entities.ts';
import { healthScore, scoreMetrics } from './health-score.ts';

/**
 * The health score as it stood at each point of the metrics' history: at each moment, every metric
 * counts with its latest value at or before that moment.
 */
export function healthTrend(
  metrics: Metric[],
  definitions: ReadonlyMap<string, MetricDefinition>,
): { at: string; score: number }[] {
  const moments = [...new Set(metrics.flatMap((m) => (m.history ?? []).map((h) => h.at)))].sort(
    (a, b) => Date.parse(a) - Date.parse(b),
  );
  const trend: { at: string; score: number }[] = [];
  for (const at of moments) {
    const time = Date.parse(at);
    const values = metrics.flatMap((m) => {
      let latest: { at: string; value: number } | undefined;
      for (const point of m.history ?? []) {
        if (Date.parse(point.at) <= time && (!latest || Date.parse(point.at) > Date.parse(latest.at)))
          latest = point;
      }
      return latest ? [{ key: m.key, value: latest.value, asOf: latest.at }] : [];
    });
    const { score } = healthScore(scoreMetrics(values, definitions));
    if (score !== null) trend.push({ at, score });
  }
  return trend;
}
