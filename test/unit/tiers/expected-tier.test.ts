import { describe, expect, test } from 'vitest';
import type { AttributeValue, Tier } from '../../../lib/schemas/entities.ts';
import { compareTiers, expectedTier } from '../../../lib/tiers/expected-tier.ts';
import { BOOK, GROWTH, STRATEGIC, tier } from './fixtures.ts';

describe('expectedTier', () => {
  test.each<{ name: string; attributes: Record<string, AttributeValue>; tierId: string; reasons: string[] }>([
    {
      name: 'big ARR → strategic',
      attributes: { arr: 420_000 },
      tierId: 'tier-1',
      reasons: ['ARR $420k ≥ $250k'],
    },
    {
      name: 'mid ARR → growth',
      attributes: { arr: 120_000, seats: 40 },
      tierId: 'tier-2',
      reasons: ['ARR $120k ≥ $50k'],
    },
    {
      name: 'many seats, small ARR → growth',
      attributes: { arr: 10_000, seats: 300 },
      tierId: 'tier-2',
      reasons: ['seats 300 ≥ 250'],
    },
    {
      name: 'small account → catch-all',
      attributes: { arr: 10_000, seats: 5 },
      tierId: 'tier-3',
      reasons: ['Tier 3 has no criteria'],
    },
    {
      name: 'no attributes → catch-all',
      attributes: {},
      tierId: 'tier-3',
      reasons: ['Tier 3 has no criteria'],
    },
  ])('$name', ({ attributes, tierId, reasons }) => {
    const result = expectedTier(BOOK, { attributes });
    expect(result.tier?.id).toBe(tierId);
    expect(result.reasons).toEqual(reasons);
    expect(result.result?.met).toBe(true);
  });

  test('the order tiers are given in does not matter', () => {
    const attributes = { arr: 420_000 };
    expect(expectedTier([GROWTH, STRATEGIC], { attributes }).tier?.id).toBe('tier-1');
    expect(expectedTier([STRATEGIC, GROWTH], { attributes }).tier?.id).toBe('tier-1');
  });

  test('no tier matches: null, with each tier’s reasons in rank order', () => {
    const result = expectedTier([GROWTH, STRATEGIC], { attributes: { seats: 'many' } });
    expect(result).toEqual({
      tier: null,
      result: null,
      reasons: ['Tier 1: ARR unknown', "Tier 2: ARR unknown; seats is 'many', not a number"],
    });
  });

  test('no tiers at all', () => {
    expect(expectedTier([], { attributes: { arr: 1 } })).toEqual({
      tier: null,
      result: null,
      reasons: ['No tiers are defined'],
    });
  });

  describe('ties on rank are broken by id, whatever the input order', () => {
    const b = tier('b', 1, {});
    const a = tier('a', 1, {});
    const upperZ = tier('Z', 1, {});
    test.each<{ tiers: Tier[]; id: string }>([
      { tiers: [b, a], id: 'a' },
      { tiers: [a, b], id: 'a' },
      // Code-unit order: upper case sorts before lower case, the same in every locale.
      { tiers: [a, b, upperZ], id: 'Z' },
      { tiers: [tier('late', 2, {}), b], id: 'b' },
    ])('%# → $id', ({ tiers, id }) => {
      expect(expectedTier(tiers, { attributes: {} }).tier?.id).toBe(id);
    });

    test('a tied tier that fails is skipped for the next one', () => {
      const strict = tier('a', 1, { all: [{ field: 'arr', op: '>', value: 1e9 }] });
      expect(expectedTier([b, strict], { attributes: { arr: 5 } }).tier?.id).toBe('b');
    });
  });

  test.each([
    { a: { rank: 1, id: 'x' }, b: { rank: 2, id: 'a' }, sign: -1 },
    { a: { rank: 3, id: 'a' }, b: { rank: 2, id: 'z' }, sign: 1 },
    { a: { rank: 2, id: 'a' }, b: { rank: 2, id: 'b' }, sign: -1 },
    { a: { rank: 2, id: 'b' }, b: { rank: 2, id: 'a' }, sign: 1 },
    { a: { rank: 2, id: 'a' }, b: { rank: 2, id: 'a' }, sign: 0 },
  ])('compareTiers($a.rank/$a.id, $b.rank/$b.id) has sign $sign', ({ a, b, sign }) => {
    expect(Math.sign(compareTiers(a, b))).toBe(sign);
  });
});
