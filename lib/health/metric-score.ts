import type { MetricDefinition } from '../schemas/entities.ts';

export type MetricStatus = 'good' | 'warn' | 'bad';

type Thresholds = Pick<MetricDefinition, 'direction' | 'good' | 'warn'>;

export function metricStatus(def: Thresholds, value: number): MetricStatus {
  const better = def.direction === 'higher_is_better' ? value >= def.good : value <= def.good;
  if (better) return 'good';
  const acceptable = def.direction === 'higher_is_better' ? value >= def.warn : value <= def.warn;
  return acceptable ? 'warn' : 'bad';
}

/**
 * 0–100 on a linear scale anchored at warn = 50 and good = 100, so equal steps toward "good" are
 * worth the same whatever the metric's unit or direction. (value − warn) / (good − warn) is positive
 * in the better direction for both directions, because good < warn when lower is better.
 */
export function metricScore(def: Thresholds, value: number): number {
  const span = def.good - def.warn;
  if (span === 0) return metricStatus(def, value) === 'good' ? 100 : 0;
  const score = 50 + (50 * (value - def.warn)) / span;
  return Math.max(0, Math.min(100, score));
}
