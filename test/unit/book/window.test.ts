import { describe, expect, test } from 'vitest';
import { visibleRows, type WindowInput } from '../../../lib/book/window.ts';

const base = { rowHeight: 80, viewportHeight: 400, overscan: 2 };

describe('visibleRows', () => {
  test.each<
    [string, Partial<WindowInput> & { count: number; scrollTop: number }, { start: number; end: number }]
  >([
    ['top of a long list', { count: 50_000, scrollTop: 0 }, { start: 0, end: 8 }],
    ['scrolled into the middle', { count: 50_000, scrollTop: 80 * 1000 + 40 }, { start: 998, end: 1008 }],
    ['bottom of the list', { count: 50_000, scrollTop: 80 * 50_000 - 400 }, { start: 49_993, end: 50_000 }],
    ['a list shorter than the viewport', { count: 3, scrollTop: 0 }, { start: 0, end: 3 }],
    ['empty list', { count: 0, scrollTop: 0 }, { start: 0, end: 0 }],
    ['overscrolled past the end (elastic scrolling)', { count: 10, scrollTop: 5000 }, { start: 7, end: 10 }],
    ['negative scroll (elastic scrolling)', { count: 10, scrollTop: -50 }, { start: 0, end: 8 }],
    ['no height measured yet', { count: 10, scrollTop: 0, viewportHeight: 0 }, { start: 0, end: 3 }],
    [
      'zero row height renders nothing rather than dividing by zero',
      { count: 10, scrollTop: 0, rowHeight: 0 },
      { start: 0, end: 0 },
    ],
  ])('%s', (_name, input, expected) => {
    expect(visibleRows({ ...base, ...input })).toEqual(expected);
  });

  test('never renders more than a screenful plus overscan, however long the list', () => {
    for (const scrollTop of [0, 12_345, 999_999, 3_999_600]) {
      const { start, end } = visibleRows({ ...base, count: 50_000, scrollTop });
      expect(end - start).toBeLessThanOrEqual(400 / 80 + 1 + 2 * 2);
    }
  });
});
