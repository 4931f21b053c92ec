import type { Metric, MetricDefinition } from '../../lib/schemas/index.ts';
import type { Prng } from './prng.ts';

/** Two metrics per balanced-scorecard perspective. */
export const DEMO_METRIC_DEFINITIONS: MetricDefinition[] = [
  {
    key: 'nrr',
    label: 'Net revenue retention',
    perspective: 'financial',
    unit: '%',
    direction: 'higher_is_better',
    good: 105,
    warn: 95,
    weight: 2,
  },
  {
    key: 'days_overdue',
    label: 'Invoice days overdue',
    perspective: 'financial',
    unit: 'days',
    direction: 'lower_is_better',
    good: 10,
    warn: 30,
    weight: 1,
  },
  {
    key: 'nps',
    label: 'Net promoter score',
    perspective: 'customer',
    unit: 'score',
    direction: 'higher_is_better',
    good: 40,
    warn: 10,
    weight: 2,
  },
  {
    key: 'csat',
    label: 'Support satisfaction',
    perspective: 'customer',
    unit: '%',
    direction: 'higher_is_better',
    good: 90,
    warn: 80,
    weight: 1,
  },
  {
    key: 'days_since_qbr',
    label: 'Days since last QBR',
    perspective: 'internal',
    unit: 'days',
    direction: 'lower_is_better',
    good: 90,
    warn: 120,
    weight: 1,
  },
  {
    key: 'open_p1_tickets',
    label: 'Open P1 tickets',
    perspective: 'internal',
    unit: 'tickets',
    direction: 'lower_is_better',
    good: 0,
    warn: 2,
    weight: 2,
  },
  {
    key: 'weekly_active_pct',
    label: 'Weekly active users',
    perspective: 'learning',
    unit: '%',
    direction: 'higher_is_better',
    good: 60,
    warn: 40,
    weight: 2,
  },
  {
    key: 'training_completion',
    label: 'Admin training completion',
    perspective: 'learning',
    unit: '%',
    direction: 'higher_is_better',
    good: 80,
    warn: 50,
    weight: 1,
  },
];

/** Per metric: its value for the worst and the best account, and its rounding step. */
const RANGES: Record<string, { worst: number; best: number; step: number }> = {
  nrr: { worst: 78, best: 128, step: 0.5 },
  days_overdue: { worst: 75, best: 0, step: 1 },
  nps: { worst: -30, best: 72, step: 1 },
  csat: { worst: 62, best: 99, step: 0.5 },
  days_since_qbr: { worst: 240, best: 20, step: 1 },
  open_p1_tickets: { worst: 6, best: 0, step: 1 },
  weekly_active_pct: { worst: 12, best: 88, step: 0.5 },
  training_completion: { worst: 10, best: 100, step: 1 },
};

/** Acme's picture: mostly good, some warnings, one metric (P1 tickets) in the red. */
const FIXED: Record<string, Record<string, number>> = {
  'acc-acme': {
    nrr: 112,
    days_overdue: 0,
    nps: 22,
    csat: 91.5,
    days_since_qbr: 104,
    open_p1_tickets: 4,
    weekly_active_pct: 63,
    training_completion: 71,
  },
};

/** How well each showcase account is doing, 0 (churning) to 1 (thriving); others are random. */
const QUALITY: Record<string, number> = { 'acc-globex': 0.7, 'acc-initech': 0.22 };

const WEEK_MS = 7 * 86_400_000;
const HISTORY_WEEKS = 12;

function round(value: number, step: number): number {
  return Math.round(Math.round(value / step) * step * 100) / 100;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Every account gets every metric, with 12 weekly history points ending at `asOf`. */
export function demoMetrics(prng: Prng, accountIds: readonly string[], asOf: string): Metric[] {
  const end = Date.parse(asOf);
  const metrics: Metric[] = [];
  for (const accountId of accountIds) {
    const quality = QUALITY[accountId] ?? prng.next() ** 0.7;
    // Accounts drift as a whole: improving or slipping over the quarter.
    const trend = (prng.next() - 0.5) * 0.3;
    for (const definition of DEMO_METRIC_DEFINITIONS) {
      const range = RANGES[definition.key];
      if (!range) throw new Error(`no range for metric ${definition.key}`);
      const at = (q: number) => round(range.worst + (range.best - range.worst) * clamp01(q), range.step);
      const fixed = FIXED[accountId]?.[definition.key];
      const q =
        fixed === undefined
          ? clamp01(quality + (prng.next() - 0.5) * 0.3)
          : (fixed - range.worst) / (range.best - range.worst);
      const value = fixed ?? at(q);
      const history = Array.from({ length: HISTORY_WEEKS }, (_, week) => {
        const weeksAgo = HISTORY_WEEKS - 1 - week;
        const past =
          weeksAgo === 0 ? value : at(q - (trend * weeksAgo) / HISTORY_WEEKS + (prng.next() - 0.5) * 0.06);
        return { at: new Date(end - weeksAgo * WEEK_MS).toISOString(), value: past };
      });
      metrics.push({ accountId, key: definition.key, value, asOf, history });
    }
  }
  return metrics;
}
