import { describe, expect, it } from 'vitest';
import { arrOf } from '@/lib/tiers/arr.ts';

describe('arrOf: the ARR the book and the tier preview order by', () => {
  it.each([
    { arr: 250_000, expected: 250_000 },
    { arr: 0, expected: 0 },
    { arr: -5, expected: -5 },
    { arr: Number.NaN, expected: undefined },
    { arr: Number.POSITIVE_INFINITY, expected: undefined },
    { arr: '250000', expected: undefined },
    { arr: true, expected: undefined },
    { arr: undefined, expected: undefined },
  ])('$arr → $expected', ({ arr, expected }) => {
    expect(arrOf({ attributes: arr === undefined ? {} : { arr } })).toBe(expected);
  });
});
