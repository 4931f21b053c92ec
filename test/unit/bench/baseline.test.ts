import { describe, expect, test } from 'vitest';
import { ratioTo, verdict, withBaseline } from '../../../scripts/bench/baseline.ts';
import { single, unavailable } from '../../../scripts/bench/figures.ts';

describe('ratioTo', () => {
  test.each([
    [7.2, 3.6, 2],
    [1.3, 0.5, 2.6],
    [10, 3, 3.33],
    [0.8, 1, 0.8],
    [5, 0, null],
    [5, -1, null],
    [null, 2, null],
    [2, null, null],
    [Number.NaN, 2, null],
  ])('%s against %s → %s', (value, baseline, ratio) => {
    expect(ratioTo(value, baseline)).toBe(ratio);
  });
});

describe('verdict', () => {
  test.each([
    // value, budget, expected
    [null, 10, 'n/a'],
    [5, 10, 'pass'],
    [6.9, 10, 'pass'],
    [7.5, 10, 'pass, tight'],
    [10, 10, 'pass, tight'],
    [10.1, 10, 'FAIL'],
    [0, 0, 'pass'],
    [1, 0, 'FAIL'],
  ])('%s against ≤ %s → %s', (value, max, expected) => {
    expect(verdict(value, max)).toBe(expected);
  });
});

describe('withBaseline', () => {
  const base = { label: 'bare get', method: 'index.get', value: 0.5 };

  test('adds the baseline and the ratio to a measured figure', () => {
    const figure = withBaseline(single('firstSync', 7, 'sync'), base);
    expect(figure.baseline).toEqual(base);
    expect(figure.ratio).toBe(14);
    expect(figure.pass).toBe(true);
  });

  test('an unmeasured baseline leaves the ratio null and the verdict to the budget', () => {
    const figure = withBaseline(single('firstSync', 12, 'sync'), { ...base, value: null, reason: 'no feed' });
    expect(figure.ratio).toBeNull();
    expect(figure.pass).toBe(false);
  });

  test('an unmeasured figure keeps a null ratio beside a measured baseline', () => {
    const figure = withBaseline(unavailable('firstSync', 'broke', 'sync'), base);
    expect(figure.ratio).toBeNull();
    expect(figure.baseline?.value).toBe(0.5);
  });

  test('a figure without a baseline says so', () => {
    expect(single('domNodesNonAccount', 0, 'count')).toMatchObject({ baseline: null, ratio: null });
  });
});
