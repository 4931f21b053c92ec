import type { MetricDefinition, Rule, Tier } from '../../../lib/schemas/entities.ts';

export function tier(id: string, rank: number, criteria: Rule, benchmarks: Tier['benchmarks'] = []): Tier {
  return { id, name: `Tier ${rank} ${id}`, rank, criteria, benchmarks };
}

/** A three-tier book like a CS team's: strategic by ARR, growth by ARR or seats, a catch-all. */
export const STRATEGIC: Tier = {
  id: 'tier-1',
  name: 'Tier 1',
  rank: 1,
  criteria: { all: [{ field: 'arr', op: '>=', value: 250_000 }] },
  benchmarks: [
    { metric: 'health', op: '>=', value: 70 },
    { metric: 'days_since_qbr', op: '<=', value: 90 },
    { metric: 'nps', op: '>=', value: 30 },
  ],
};
export const GROWTH: Tier = {
  id: 'tier-2',
  name: 'Tier 2',
  rank: 2,
  criteria: {
    any: [
      { field: 'arr', op: '>=', value: 50_000 },
      { field: 'seats', op: '>=', value: 250 },
    ],
  },
  benchmarks: [{ metric: 'health', op: '>=', value: 65 }],
};
export const SCALE: Tier = { id: 'tier-3', name: 'Tier 3', rank: 3, criteria: {}, benchmarks: [] };
export const BOOK: Tier[] = [SCALE, STRATEGIC, GROWTH];

function definition(key: string, label: string, unit: string): MetricDefinition {
  return {
    key,
    label,
    unit,
    perspective: 'internal',
    direction: 'higher_is_better',
    good: 1,
    warn: 0,
    weight: 1,
  };
}
export const DEFINITIONS = new Map(
  [
    definition('days_since_qbr', 'Days since last QBR', 'days'),
    definition('nps', 'Net promoter score', 'score'),
    definition('weekly_active_pct', 'Weekly active users', '%'),
    definition('expansion', 'Expansion pipeline', '$'),
  ].map((d) => [d.key, d]),
);

export const AS_OF = '2026-11-01T00:00:00Z';
