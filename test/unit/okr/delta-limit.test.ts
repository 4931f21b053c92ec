import { describe, expect, test } from 'vitest';
import { currentRange, deltaProblem } from '../../../lib/okr/delta-limit.ts';
import { decimalPlaces, exactAdd } from '../../../lib/okr/exact-add.ts';
import type { KeyResult } from '../../../lib/schemas/entities.ts';

type Kr = Pick<KeyResult, 'unit' | 'start' | 'target' | 'current'>;
const count: Kr = { unit: 'count', start: 0, target: 10, current: 2 };
const currency: Kr = { unit: 'currency', start: 1000, target: 2000, current: 1500 };
const percent: Kr = { unit: 'percent', start: 0, target: 100, current: 40 };
const nrr: Kr = { unit: 'percent', start: 101, target: 110, current: 104.5 };
const flag: Kr = { unit: 'boolean', start: 0, target: 1, current: 0 };
const flat: Kr = { unit: 'count', start: 5, target: 5, current: 5 };

describe('exactAdd', () => {
  test.each([
    [0.1, 0.2, 0.3],
    [0.3, -0.1, 0.2],
    [104.5, 1e-4, 104.5001],
    [1, -1, 0],
    [-0.5, 0.5, 0],
    [1e21, 1, null],
    [Number.MAX_VALUE, Number.MAX_VALUE, null],
    [1, 1e-17, null],
    [Number.NaN, 1, null],
    [Number.POSITIVE_INFINITY, 1, null],
  ])('%d + %d = %s', (a, b, expected) => {
    expect(exactAdd(a, b)).toBe(expected);
  });

  test('undoing fractional deltas lands exactly on the start', () => {
    const deltas = [0.1, 0.2, 0.7, 1.15, -0.05];
    let current = 104.5;
    for (const delta of deltas) current = exactAdd(current, delta) ?? Number.NaN;
    expect(current).toBe(106.6);
    for (const delta of deltas) current = exactAdd(current, -delta) ?? Number.NaN;
    expect(current).toBe(104.5);
  });

  test.each([
    [1200, 0],
    [0.25, 2],
    [1e-7, 7],
    [-3.125, 3],
  ])('%d has %d decimal places', (value, places) => {
    expect(decimalPlaces(value)).toBe(places);
  });
});

describe('currentRange', () => {
  test.each([
    ['count', count, { low: -100, high: 110 }],
    ['currency', currency, { low: -9000, high: 12_000 }],
    ['percent is cut at -100 and 1000', percent, { low: -100, high: 1000 }],
    ['a narrow percent follows its span', nrr, { low: 11, high: 200 }],
    [
      'a percent beyond 1000 keeps its own target',
      { ...percent, start: 900, target: 1500 },
      { low: -100, high: 1500 },
    ],
    ['yes/no', flag, { low: 0, high: 1 }],
    ['start = target allows steps of 1', flat, { low: -5, high: 15 }],
  ] as const)('%s', (_, kr, range) => {
    expect(currentRange(kr)).toEqual(range);
  });
});

describe('deltaProblem', () => {
  test.each([
    ['a +1 on a count', count, 1, null],
    ['a whole span back', count, -10, null],
    ['ten spans', currency, 10_000, null],
    ['a fraction of a currency', currency, 0.25, null],
    ['four decimal places on a percent', nrr, 0.0001, null],
    ['yes/no done', flag, 1, null],
    ['yes/no undone', { ...flag, current: 1 }, -1, null],
    ['back towards the range from outside it', { ...count, current: 500 }, -1, null],
    ['infinity', count, Number.POSITIVE_INFINITY, 'delta: must be a finite number'],
    ['NaN', count, Number.NaN, 'delta: must be a finite number'],
    ['a 2 on yes/no', flag, 2, 'delta: must be 1 or -1 on a yes/no key result'],
    ['a half on yes/no', flag, 0.5, 'delta: must be 1 or -1 on a yes/no key result'],
    [
      'yes/no done twice',
      { ...flag, current: 1 },
      1,
      'delta: would move the key result to 2, outside its range 0 to 1',
    ],
    ['a fraction of a count', count, 0.5, 'delta: must be a whole number on a count key result'],
    ['five decimal places', currency, 0.00001, 'delta: more than 4 decimal places'],
    ['1e308', count, 1e308, "delta: more than 10 times the key result's span (at most ±100)"],
    ['eleven spans', currency, 11_000, "delta: more than 10 times the key result's span (at most ±10000)"],
    [
      'a percent far below zero',
      percent,
      -1000,
      'delta: would move the key result to -960, outside its range -100 to 1000',
    ],
    [
      'past the edge in steps',
      { ...count, current: 105 },
      10,
      'delta: would move the key result to 115, outside its range -100 to 110',
    ],
    [
      'further out from outside',
      { ...count, current: 500 },
      1,
      'delta: would move the key result to 501, outside its range -100 to 110',
    ],
  ] as const)('%s', (_, kr, delta, problem) => {
    expect(deltaProblem(kr, delta)).toBe(problem);
  });
});
