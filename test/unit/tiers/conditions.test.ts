import { describe, expect, test } from 'vitest';
import type { AttributeValue, Condition } from '../../../lib/schemas/entities.ts';
import { evaluateCondition } from '../../../lib/tiers/conditions.ts';

const attributes: Record<string, AttributeValue> = {
  arr: 420_000,
  mrr: 35_000,
  annual_revenue: 1_250_000,
  seats: 40,
  segment: 'Enterprise',
  plan: 'Pro',
  champion: true,
  employees: 12_500,
  region: 'EMEA',
  health: 12,
};

type Row = { condition: Condition; met: boolean; reason: string };
const row = (
  field: string,
  op: Condition['op'],
  value: Condition['value'],
  met: boolean,
  reason: string,
): Row => ({
  condition: { field, op, value },
  met,
  reason,
});

describe('evaluateCondition: every operator, met and not met', () => {
  test.each<Row>([
    row('arr', '>=', 250_000, true, 'ARR $420k ≥ $250k'),
    row('arr', '>=', 420_000, true, 'ARR $420k ≥ $420k'),
    row('arr', '>=', 500_000, false, 'ARR $420k < $500k'),
    row('seats', '>', 39, true, 'seats 40 > 39'),
    row('seats', '>', 40, false, 'seats 40 ≤ 40'),
    row('seats', '<=', 40, true, 'seats 40 ≤ 40'),
    row('seats', '<=', 10, false, 'seats 40 > 10'),
    row('seats', '<', 100, true, 'seats 40 < 100'),
    row('seats', '<', 40, false, 'seats 40 ≥ 40'),
    row('seats', '>=', 100, false, 'seats 40 < 100'),
    row('employees', '>=', 10_000, true, 'employees 12,500 ≥ 10,000'),
    row('mrr', '<', 1_000_000, true, 'MRR $35k < $1M'),
    row('annual_revenue', '>', 1_000_000, true, 'annual revenue $1.25M > $1M'),
    row('seats', '==', 40, true, 'seats is 40'),
    row('seats', '==', 41, false, 'seats is 40, not 41'),
    row('segment', '==', 'Enterprise', true, "segment is 'Enterprise'"),
    row('segment', '==', 'SMB', false, "segment is 'Enterprise', not 'SMB'"),
    row('segment', '!=', 'SMB', true, "segment is 'Enterprise', not 'SMB'"),
    row('segment', '!=', 'Enterprise', false, "segment is 'Enterprise', which is excluded"),
    row('champion', '==', true, true, 'champion is true'),
    row('champion', '!=', true, false, 'champion is true, which is excluded'),
    row('plan', 'in', ['Pro', 'Business'], true, "plan 'Pro' is one of 'Pro', 'Business'"),
    row('plan', 'in', ['Starter', 'Business'], false, "plan 'Pro' is not one of 'Starter', 'Business'"),
    row('seats', 'in', [10, 40], true, 'seats 40 is one of 10, 40'),
    row('arr', 'in', [420_000], true, 'ARR $420k is one of $420k'),
  ])('$condition.field $condition.op $condition.value → $met', ({ condition, met, reason }) => {
    const result = evaluateCondition(condition, { attributes });
    expect(result).toMatchObject({ met, missing: false, reason, condition });
  });
});

describe('evaluateCondition: text equality ignores case, surrounding spaces and composition', () => {
  test.each<Row>([
    row('segment', '==', 'enterprise', true, "segment is 'Enterprise'"),
    row('segment', '==', '  ENTERPRISE ', true, "segment is 'Enterprise'"),
    row('segment', '!=', 'enterprise', false, "segment is 'Enterprise', which is excluded"),
    row('segment', 'in', ['smb', 'enterprise'], true, "segment 'Enterprise' is one of 'smb', 'enterprise'"),
    row('segment', '==', 'Enter prise', false, "segment is 'Enterprise', not 'Enter prise'"),
  ])('$condition.op $condition.value → $met', ({ condition, met, reason }) => {
    expect(evaluateCondition(condition, { attributes })).toMatchObject({ met, reason });
  });

  test('composed and decomposed accents are the same text', () => {
    const result = evaluateCondition(
      { field: 'region', op: '==', value: 'Re\u0301gion' },
      { attributes: { region: 'R\u00e9gion' } },
    );
    expect(result.met).toBe(true);
  });
});

describe('evaluateCondition: missing and unknown fields are never met, whatever the operator', () => {
  test.each<Row>([
    row('nps', '>=', 30, false, 'NPS unknown'),
    row('nps', '<', 30, false, 'NPS unknown'),
    row('industry', '==', 'Retail', false, 'industry unknown'),
    row('industry', '!=', 'Retail', false, 'industry unknown'),
    row('industry', 'in', ['Retail'], false, 'industry unknown'),
    row('ARR', '>=', 1, false, 'ARR unknown'),
    row('constructor', '!=', 'x', false, 'constructor unknown'),
    row('__proto__', '!=', 'x', false, 'proto unknown'),
    row('toString', '==', 'x', false, 'to string unknown'),
  ])('$condition.field $condition.op → unknown', ({ condition, met, reason }) => {
    expect(evaluateCondition(condition, { attributes })).toMatchObject({
      met,
      missing: true,
      reason,
      actual: null,
    });
  });

  test('an absent account attribute is reported as unknown, not as a failed comparison', () => {
    const result = evaluateCondition({ field: 'arr', op: '>=', value: 250_000 }, { attributes: {} });
    expect(result).toEqual({
      condition: { field: 'arr', op: '>=', value: 250_000 },
      met: false,
      missing: true,
      reason: 'ARR unknown',
      label: 'ARR',
      actual: null,
      requirement: '≥ $250k',
    });
  });
});

describe('evaluateCondition: values of the wrong kind are not met, and say why', () => {
  test.each<Row>([
    row('seats', '>=', 100, false, "seats is 'many', not a number"),
    row('seats', '==', 100, false, "seats is 'many', not a number"),
    row('seats', '!=', 100, false, "seats is 'many', not a number"),
    row('seats', 'in', [10, 20], false, "seats is 'many', not a number"),
    row('seats', 'in', [10, true], false, "seats is 'many', not a number or true or false"),
    row('champion', '==', 'yes', false, 'champion is true, not text'),
    row('count', '==', true, false, 'count is 7, not true or false'),
    row('seats', '>=', 'lots', false, "rule compares seats with 'lots', not a number"),
    row('seats', '>=', [1, 2], false, 'rule compares seats with [1, 2], not a number'),
    row('segment', '==', ['Enterprise'], false, "rule gives segment a list for '=='; use 'in'"),
  ])('$condition.field $condition.op $condition.value', ({ condition, met, reason }) => {
    const result = evaluateCondition(condition, {
      attributes: { seats: 'many', champion: true, count: 7, segment: 'Enterprise' },
    });
    expect(result).toMatchObject({ met, missing: false, reason, actual: null });
  });

  test('a numeric string is not coerced: a CRM field typed as text is a data problem worth seeing', () => {
    const result = evaluateCondition(
      { field: 'seats', op: '>=', value: 10 },
      { attributes: { seats: '40' } },
    );
    expect(result).toMatchObject({ met: false, reason: "seats is '40', not a number" });
  });
});

describe('evaluateCondition: `in`', () => {
  test('a single value is read as a one-item list', () => {
    const result = evaluateCondition({ field: 'plan', op: 'in', value: 'pro' }, { attributes });
    expect(result).toMatchObject({
      met: true,
      reason: "plan 'Pro' is one of 'pro'",
      requirement: "one of 'pro'",
    });
  });

  test('an empty list matches nothing', () => {
    const result = evaluateCondition({ field: 'plan', op: 'in', value: [] }, { attributes });
    expect(result).toMatchObject({
      met: false,
      missing: false,
      reason: "plan 'Pro' is not in the rule's list, which is empty",
      requirement: 'one of an empty list',
    });
  });

  test('long lists are shortened in the reason', () => {
    const value = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
    const result = evaluateCondition({ field: 'plan', op: 'in', value }, { attributes });
    expect(result.reason).toBe("plan 'Pro' is not one of 'A', 'B', 'C', 'D', 'E' and 2 more");
  });

  test('a list of mixed kinds matches by the items of the same kind', () => {
    const result = evaluateCondition({ field: 'seats', op: 'in', value: ['40', 40] }, { attributes });
    expect(result).toMatchObject({ met: true, reason: "seats 40 is one of '40', 40" });
  });
});

describe('evaluateCondition: health', () => {
  test.each([
    { health: 58, met: false, reason: 'Health 58 < 70' },
    { health: 70, met: true, reason: 'Health 70 ≥ 70' },
    { health: 84.4, met: true, reason: 'Health 84 ≥ 70' },
    { health: 69.6, met: false, reason: 'Health 69.6 < 70' },
  ])('derived health $health', ({ health, met, reason }) => {
    const result = evaluateCondition({ field: 'health', op: '>=', value: 70 }, { attributes, health });
    expect(result).toMatchObject({ met, missing: false, reason });
  });

  test('a null health score (no metrics) is unknown, even when an attribute has that name', () => {
    const result = evaluateCondition({ field: 'health', op: '>=', value: 70 }, { attributes, health: null });
    expect(result).toMatchObject({ met: false, missing: true, reason: 'Health unknown' });
  });

  test('without a derived score, `health` is read from the attributes', () => {
    const result = evaluateCondition({ field: 'health', op: '>=', value: 70 }, { attributes });
    expect(result).toMatchObject({ met: false, reason: 'Health 12 < 70' });
  });
});

describe('evaluateCondition: reasons stay readable', () => {
  test.each([
    { arr: 249_999, reason: 'ARR $249,999 < $250,000', requirement: '≥ $250,000' },
    { arr: 999_999, reason: 'ARR $1M ≥ $250k', requirement: '≥ $250k' },
    { arr: 950, reason: 'ARR $950 < $250k', requirement: '≥ $250k' },
    { arr: -5_000, reason: 'ARR -$5k < $250k', requirement: '≥ $250k' },
    { arr: 3_400_000_000, reason: 'ARR $3.4B ≥ $250k', requirement: '≥ $250k' },
  ])('ARR $arr', ({ arr, reason, requirement }) => {
    const result = evaluateCondition({ field: 'arr', op: '>=', value: 250_000 }, { attributes: { arr } });
    expect(result).toMatchObject({ reason, requirement });
  });

  test('hostile text is quoted and cut short, never interpreted', () => {
    const segment = `<img src=x onerror=alert(1)>${'x'.repeat(200)}`;
    const result = evaluateCondition(
      { field: 'segment', op: '==', value: 'SMB' },
      { attributes: { segment } },
    );
    expect(result.reason).toBe(`segment is '${segment.slice(0, 59)}…', not 'SMB'`);
  });

  test('camelCase and snake_case fields read as words, known acronyms in capitals', () => {
    const result = evaluateCondition(
      { field: 'lastQbrDays', op: '<', value: 90 },
      { attributes: { lastQbrDays: 30 } },
    );
    expect(result.reason).toBe('last QBR days 30 < 90');
  });
});
