import type { Tier } from '../../lib/schemas/index.ts';

/** Tier thresholds, shared with the account generator so most accounts sit in their expected tier. */
export const TIER_1_MIN_ARR = 250_000;
export const TIER_2_MIN_ARR = 50_000;
export const TIER_2_MIN_SEATS = 250;

export const DEMO_TIERS: Tier[] = [
  {
    id: 'tier-1',
    name: 'Tier 1 Strategic',
    rank: 1,
    color: '#7c3aed',
    description: 'High touch: named CSM, quarterly business reviews and an executive sponsor.',
    criteria: { all: [{ field: 'arr', op: '>=', value: TIER_1_MIN_ARR }] },
    benchmarks: [
      { metric: 'health', op: '>=', value: 70, label: 'Health score of 70 or more' },
      { metric: 'days_since_qbr', op: '<=', value: 90, label: 'QBR within 90 days' },
      { metric: 'nps', op: '>=', value: 30, label: 'NPS of 30 or more' },
    ],
  },
  {
    id: 'tier-2',
    name: 'Tier 2 Growth',
    rank: 2,
    color: '#0ea5e9',
    description: 'Pooled CSMs, success plans and a business review twice a year.',
    criteria: {
      any: [
        { field: 'arr', op: '>=', value: TIER_2_MIN_ARR },
        { field: 'seats', op: '>=', value: TIER_2_MIN_SEATS },
      ],
    },
    benchmarks: [
      { metric: 'health', op: '>=', value: 65, label: 'Health score of 65 or more' },
      { metric: 'days_since_qbr', op: '<=', value: 180, label: 'Business review within 180 days' },
    ],
  },
  {
    id: 'tier-3',
    name: 'Tier 3 Scale',
    rank: 3,
    color: '#64748b',
    description: 'Tech touch: digital onboarding, webinars and in-app guidance. Every account qualifies.',
    criteria: { all: [{ field: 'arr', op: '>=', value: 0 }] },
    benchmarks: [
      { metric: 'health', op: '>=', value: 60, label: 'Health score of 60 or more' },
      { metric: 'weekly_active_pct', op: '>=', value: 40, label: 'At least 40% weekly active users' },
    ],
  },
];
