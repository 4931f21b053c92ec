import { healthScore, scoreMetrics } from '../health/health-score.ts';
import type { MetricDefinition } from '../schemas/entities.ts';
import type { PreviewBook } from './tier-preview.ts';

export interface HealthShift {
  accountId: string;
  accountName: string;
  before: number | null;
  after: number | null;
}

export interface HealthPreview {
  /** Mean health over accounts that have a score, before and after. */
  meanBefore: number | null;
  meanAfter: number | null;
  changed: number;
  /** Every account whose score moves, the largest shifts first. */
  shifts: HealthShift[];
}

function mean(values: number[]): number | null {
  return values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null;
}

/** How every account's health score would move with `definitions` instead of the book's, by lib/health. */
export function previewHealth(
  book: PreviewBook,
  definitions: ReadonlyMap<string, MetricDefinition>,
): HealthPreview {
  const before: number[] = [];
  const after: number[] = [];
  const shifts: HealthShift[] = [];
  for (const account of book.accounts) {
    const metrics = [...(book.metricsByAccount.get(account.id) ?? [])];
    const was = healthScore(scoreMetrics(metrics, book.definitions)).score;
    const will = healthScore(scoreMetrics(metrics, definitions)).score;
    if (was !== null) before.push(was);
    if (will !== null) after.push(will);
    if (was !== will)
      shifts.push({ accountId: account.id, accountName: account.name, before: was, after: will });
  }
  const size = (s: HealthShift) => Math.abs((s.after ?? 0) - (s.before ?? 0));
  return {
    meanBefore: mean(before),
    meanAfter: mean(after),
    changed: shifts.length,
    shifts: shifts.sort((a, b) => size(b) - size(a)),
  };
}
