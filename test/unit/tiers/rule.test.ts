import { describe, expect, test } from 'vitest';
import type { Condition, Rule } from '../../../lib/schemas/entities.ts';
import { evaluateRule } from '../../../lib/tiers/rule.ts';

const bigArr: Condition = { field: 'arr', op: '>=', value: 250_000 };
const midArr: Condition = { field: 'arr', op: '>=', value: 50_000 };
const manySeats: Condition = { field: 'seats', op: '>=', value: 250 };
const enterprise: Condition = { field: 'segment', op: '==', value: 'enterprise' };
const hasNps: Condition = { field: 'nps', op: '>=', value: 0 };

const attributes = { arr: 120_000, seats: 40, segment: 'Enterprise' };

describe('evaluateRule', () => {
  test.each<{ name: string; rule: Rule; met: boolean; decisive: string[] }>([
    { name: 'empty rule is a catch-all', rule: {}, met: true, decisive: [] },
    { name: 'empty lists are a catch-all', rule: { all: [], any: [] }, met: true, decisive: [] },
    {
      name: 'all: every condition holds',
      rule: { all: [midArr, enterprise] },
      met: true,
      decisive: ['ARR $120k ≥ $50k', "segment is 'Enterprise'"],
    },
    {
      name: 'all: one fails, only the failure decides',
      rule: { all: [midArr, bigArr, enterprise] },
      met: false,
      decisive: ['ARR $120k < $250k'],
    },
    {
      name: 'any: the conditions that hold decide',
      rule: { any: [bigArr, midArr, manySeats] },
      met: true,
      decisive: ['ARR $120k ≥ $50k'],
    },
    {
      name: 'any: none holds, all of them decide',
      rule: { any: [bigArr, manySeats] },
      met: false,
      decisive: ['ARR $120k < $250k', 'seats 40 < 250'],
    },
    {
      name: 'any: a missing attribute does not hold',
      rule: { any: [hasNps, manySeats] },
      met: false,
      decisive: ['NPS unknown', 'seats 40 < 250'],
    },
    {
      name: 'any: a missing attribute is outweighed by one that holds',
      rule: { any: [hasNps, midArr] },
      met: true,
      decisive: ['ARR $120k ≥ $50k'],
    },
    {
      name: 'both: both hold',
      rule: { all: [enterprise], any: [bigArr, midArr] },
      met: true,
      decisive: ["segment is 'Enterprise'", 'ARR $120k ≥ $50k'],
    },
    {
      name: 'both: all holds, any does not',
      rule: { all: [enterprise], any: [bigArr, manySeats] },
      met: false,
      decisive: ['ARR $120k < $250k', 'seats 40 < 250'],
    },
    {
      name: 'both: any holds, all does not',
      rule: { all: [bigArr], any: [midArr] },
      met: false,
      decisive: ['ARR $120k < $250k'],
    },
    {
      name: 'both: neither holds, every failure decides',
      rule: { all: [bigArr, hasNps], any: [manySeats] },
      met: false,
      decisive: ['ARR $120k < $250k', 'NPS unknown', 'seats 40 < 250'],
    },
    {
      name: 'empty any with all: only all counts',
      rule: { all: [midArr], any: [] },
      met: true,
      decisive: ['ARR $120k ≥ $50k'],
    },
  ])('$name', ({ rule, met, decisive }) => {
    const result = evaluateRule(rule, { attributes });
    expect(result.met).toBe(met);
    expect(result.decisive.map((condition) => condition.reason)).toEqual(decisive);
  });

  test('decisive results carry their condition and missing flag', () => {
    const result = evaluateRule({ all: [hasNps] }, { attributes });
    expect(result.decisive).toHaveLength(1);
    expect(result.decisive[0]).toMatchObject({ condition: hasNps, met: false, missing: true });
  });

  test('health conditions use the derived score', () => {
    const rule: Rule = { all: [{ field: 'health', op: '<', value: 50 }] };
    expect(evaluateRule(rule, { attributes, health: 42 }).met).toBe(true);
    expect(evaluateRule(rule, { attributes, health: 80 }).met).toBe(false);
    expect(evaluateRule(rule, { attributes, health: null }).met).toBe(false);
  });
});
