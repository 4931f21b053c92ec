import type { Figure } from './figures.ts';
import type { Summary } from './stats.ts';

/**
 * What a figure is measured beside in the same run: the bare platform work it cannot go below (an
 * IndexedDB write, a message round trip, a frame, the page's own paint). Machines differ by 1.5× from
 * run to run; the ratio between a figure and its baseline moves far less, and it is the part we own.
 */
export interface Baseline {
  label: string;
  /** In the figure's unit and statistic; null when the baseline could not be measured. */
  value: number | null;
  method: string;
  summary?: Summary;
  /** The baseline's own parts where it adds several (e.g. parse and write), in the figure's unit. */
  parts?: Record<string, number>;
  reason?: string;
}

/** Share of the budget above which a pass is called tight: the aim is 30 % under every budget. */
export const TIGHT_SHARE = 0.7;

/** figure ÷ baseline, to two decimals; null when either is missing or the baseline is not positive. */
export function ratioTo(value: number | null, baseline: number | null): number | null {
  if (value === null || baseline === null || !Number.isFinite(value) || !(baseline > 0)) return null;
  return Math.round((value / baseline) * 100) / 100;
}

export type Verdict = 'n/a' | 'pass' | 'pass, tight' | 'FAIL';

export function verdict(value: number | null, max: number): Verdict {
  if (value === null) return 'n/a';
  if (value > max) return 'FAIL';
  return value > max * TIGHT_SHARE ? 'pass, tight' : 'pass';
}

export function withBaseline(figure: Figure, baseline: Baseline): Figure {
  return { ...figure, baseline, ratio: ratioTo(figure.value, baseline.value) };
}
