import { describe, expect, test } from 'vitest';
import type { AttributeValue, Tier } from '../../../lib/schemas/entities.ts';
import { findMisalignments, type MisalignmentInput } from '../../../lib/tiers/misalignment.ts';
import { AS_OF, BOOK, DEFINITIONS, GROWTH, SCALE, STRATEGIC, tier } from './fixtures.ts';

// Metrics that meet every benchmark in the book, so only the case under test shows up.
const HEALTHY = [
  { key: 'days_since_qbr', value: 30, asOf: AS_OF },
  { key: 'nps', value: 45, asOf: AS_OF },
];

function input(
  tierId: string,
  attributes: Record<string, AttributeValue>,
  extra: Partial<MisalignmentInput> = {},
): MisalignmentInput {
  return {
    account: { tierId, attributes },
    tiers: BOOK,
    metrics: HEALTHY,
    definitions: DEFINITIONS,
    health: 90,
    ...extra,
  };
}

describe('findMisalignments: tier rules', () => {
  test.each<{ name: string; tierId: string; attributes: Record<string, AttributeValue> }>([
    { name: 'strategic account in Tier 1', tierId: 'tier-1', attributes: { arr: 420_000 } },
    { name: 'growth account in Tier 2', tierId: 'tier-2', attributes: { arr: 60_000 } },
    { name: 'small account in the catch-all', tierId: 'tier-3', attributes: { arr: 1_000 } },
  ])('aligned: $name', ({ tierId, attributes }) => {
    expect(findMisalignments(input(tierId, attributes))).toEqual([]);
  });

  test('under-served: meets Tier 1, assigned Tier 2', () => {
    expect(findMisalignments(input('tier-2', { arr: 420_000, seats: 40 }))).toEqual([
      {
        kind: 'tier_rules',
        direction: 'under_served',
        expectedTierId: 'tier-1',
        reasons: ['ARR $420k meets Tier 1 (≥ $250k); assigned Tier 2'],
      },
    ]);
  });

  test('under-served: meets Tier 2, assigned the catch-all', () => {
    expect(findMisalignments(input('tier-3', { arr: 10_000, seats: 300 }))).toEqual([
      {
        kind: 'tier_rules',
        direction: 'under_served',
        expectedTierId: 'tier-2',
        reasons: ['seats 300 meets Tier 2 (≥ 250); assigned Tier 3'],
      },
    ]);
  });

  test('over-served: assigned Tier 1 with Tier 2 ARR', () => {
    expect(findMisalignments(input('tier-1', { arr: 120_000 }))).toEqual([
      {
        kind: 'tier_rules',
        direction: 'over_served',
        expectedTierId: 'tier-2',
        reasons: [
          'ARR $120k misses Tier 1 (≥ $250k); expected Tier 2',
          'ARR $120k meets Tier 2 (≥ $50k); assigned Tier 1',
        ],
      },
    ]);
  });

  test('over-served because ARR is unknown: the reason says so', () => {
    expect(findMisalignments(input('tier-1', {}))).toEqual([
      {
        kind: 'tier_rules',
        direction: 'over_served',
        expectedTierId: 'tier-3',
        reasons: ['ARR unknown (Tier 1 needs ≥ $250k); expected Tier 3'],
      },
    ]);
  });

  test('no tier matches: over-served with a null expected tier', () => {
    const result = findMisalignments(input('tier-1', { arr: 'n/a' }, { tiers: [STRATEGIC, GROWTH] }));
    expect(result).toEqual([
      {
        kind: 'tier_rules',
        direction: 'over_served',
        expectedTierId: null,
        reasons: ["ARR is 'n/a', not a number (Tier 1 needs ≥ $250k); no tier matches"],
      },
    ]);
  });

  test('assigned below a catch-all: the catch-all is named', () => {
    const bottom = tier('tier-4', 4, {});
    const result = findMisalignments(input('tier-4', { arr: 1_000 }, { tiers: [...BOOK, bottom] }));
    expect(result).toEqual([
      {
        kind: 'tier_rules',
        direction: 'under_served',
        expectedTierId: 'tier-3',
        reasons: ['Tier 3 has no criteria, so every account meets it; assigned Tier 4 tier-4'],
      },
    ]);
  });

  describe('same rank', () => {
    const a = tier('a', 1, { all: [{ field: 'segment', op: '==', value: 'smb' }] });
    const b = tier('b', 1, { all: [{ field: 'segment', op: 'in', value: ['smb', 'mid'] }] });
    const tiers: Tier[] = [b, a];

    test('meeting an equally ranked tier that lost the tie-break is aligned', () => {
      expect(findMisalignments(input('b', { segment: 'SMB' }, { tiers }))).toEqual([]);
    });

    test('failing it is over-served', () => {
      const result = findMisalignments(input('a', { segment: 'Mid' }, { tiers }));
      expect(result).toEqual([
        {
          kind: 'tier_rules',
          direction: 'over_served',
          expectedTierId: 'b',
          reasons: [
            "segment 'Mid' misses Tier 1 a (is 'smb'); expected Tier 1 b",
            "segment 'Mid' meets Tier 1 b (one of 'smb', 'mid'); assigned Tier 1 a",
          ],
        },
      ]);
    });
  });

  test('an assigned tier that is not defined gets no tier or benchmark entry', () => {
    expect(findMisalignments(input('tier-9', { arr: 420_000 }, { health: 10 }))).toEqual([]);
  });
});

describe('findMisalignments: CRM field', () => {
  test.each<{ crmTier: string | null | undefined }>([
    { crmTier: 'Tier 2' },
    { crmTier: 'tier 2' },
    { crmTier: '  TIER   2 ' },
    { crmTier: 'Tier2' },
    { crmTier: 'tier-2' },
    { crmTier: 'TIER-2' },
    { crmTier: '' },
    { crmTier: '   ' },
    { crmTier: null },
    { crmTier: undefined },
  ])('agrees: $crmTier', ({ crmTier }) => {
    expect(findMisalignments(input('tier-2', { arr: 60_000 }, { crmTier }))).toEqual([]);
  });

  test.each([
    { crmTier: 'Tier 1', reason: 'CRM says Tier 1; assigned Tier 2' },
    { crmTier: 'tier-3', reason: 'CRM says Tier 3; assigned Tier 2' },
    { crmTier: 'Gold', reason: "CRM says 'Gold', which is not a known tier; assigned Tier 2" },
    {
      crmTier: 'Tier 2 Growth',
      reason: "CRM says 'Tier 2 Growth', which is not a known tier; assigned Tier 2",
    },
  ])('disagrees: $crmTier', ({ crmTier, reason }) => {
    expect(findMisalignments(input('tier-2', { arr: 60_000 }, { crmTier }))).toEqual([
      { kind: 'crm_field', crmTier, reasons: [reason] },
    ]);
  });

  test('an undefined assigned tier is compared by its id', () => {
    expect(findMisalignments(input('tier-9', {}, { crmTier: 'TIER-9' }))).toEqual([]);
    expect(findMisalignments(input('tier-9', {}, { crmTier: 'Tier 1' }))).toEqual([
      { kind: 'crm_field', crmTier: 'Tier 1', reasons: ["CRM says Tier 1; assigned 'tier-9'"] },
    ]);
  });
});

describe('findMisalignments: benchmarks', () => {
  test('missed and missing benchmarks of the assigned tier are listed', () => {
    const metrics = [{ key: 'days_since_qbr', value: 30, asOf: AS_OF }];
    expect(findMisalignments(input('tier-1', { arr: 420_000 }, { metrics, health: 58 }))).toEqual([
      {
        kind: 'benchmark',
        reasons: ['Health 58 < 70 (benchmark of Tier 1)', 'Net promoter score unknown (benchmark of Tier 1)'],
      },
    ]);
  });

  test('only the assigned tier’s benchmarks count', () => {
    // Health 66 misses Tier 1's 70 but meets Tier 2's 65.
    expect(findMisalignments(input('tier-2', { arr: 60_000 }, { health: 66 }))).toEqual([]);
  });
});

test('every kind at once, in a fixed order', () => {
  const result = findMisalignments(input('tier-1', { arr: 60_000 }, { crmTier: 'Tier 3', health: 50 }));
  expect(result.map((entry) => entry.kind)).toEqual(['tier_rules', 'crm_field', 'benchmark']);
  expect(result[0]).toMatchObject({ direction: 'over_served', expectedTierId: 'tier-2' });
  expect(result[2]?.reasons).toEqual(['Health 50 < 70 (benchmark of Tier 1)']);
});

test('the catch-all tier in the fixture book has no benchmarks to miss', () => {
  expect(SCALE.benchmarks).toEqual([]);
  expect(findMisalignments(input('tier-3', {}, { metrics: [], health: null }))).toEqual([]);
});
