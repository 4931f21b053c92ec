import { describe, expect, test } from 'vitest';
import { withBaseline } from '../../../scripts/bench/baseline.ts';
import { type Figure, single, unavailable } from '../../../scripts/bench/figures.ts';
import { formatTable, tableRow } from '../../../scripts/bench/table.ts';

const bare = (value: number | null) => ({ label: 'bare', method: 'bare', value });

describe('tableRow', () => {
  test.each<[string, Figure, Record<string, string>]>([
    [
      'a figure beside its baseline',
      withBaseline(single('firstSync', 6.5, 'sync'), { ...bare(2.5), label: 'IndexedDB write + JSON.parse' }),
      {
        figure: 'first sync of 50k accounts (+100k metrics, 2k KRs)',
        measured: '6.5 s',
        baseline: '2.5 s IndexedDB write + JSON.parse',
        ratio: '2.6×',
        budget: '≤ 10 s',
        result: 'pass (65 %)',
      },
    ],
    [
      'a percentile figure names its statistic',
      withBaseline(single('accountLookup', 1.9, 'lookup'), bare(0.4)),
      {
        figure: 'account lookup in the background',
        measured: 'p95 1.9 ms',
        baseline: 'p95 0.4 ms bare',
        ratio: '4.75×',
        budget: '≤ 2 ms',
        result: 'pass, tight (95 %)',
      },
    ],
    [
      'no baseline',
      single('domNodesNonAccount', 0, 'count'),
      {
        figure: 'DOM nodes added on non-account pages',
        measured: '0 nodes',
        baseline: '—',
        ratio: '—',
        budget: '≤ 0 nodes',
        result: 'pass',
      },
    ],
    [
      'a failed budget',
      withBaseline(single('oneClickRender', 18.7, 'click'), bare(16.7)),
      {
        figure: 'one-click log → new value shown',
        measured: 'p95 18.7 ms',
        baseline: 'p95 16.7 ms bare',
        ratio: '1.12×',
        budget: '≤ 16 ms',
        result: 'FAIL (117 %)',
      },
    ],
    [
      'not measured',
      unavailable('deltaSync', 'the backend stopped', 'sync'),
      {
        figure: 'delta sync of 100 changes, end to end',
        measured: '—',
        baseline: '—',
        ratio: '—',
        budget: '≤ 250 ms',
        result: 'n/a: the backend stopped',
      },
    ],
  ])('%s', (_, figure, row) => {
    expect(tableRow(figure)).toEqual(row);
  });
});

describe('formatTable', () => {
  test('pads every column to its widest cell, under a header and a rule', () => {
    const text = formatTable([
      { a: 'x', b: 'long cell' },
      { a: 'wider', b: 'y' },
    ]);
    expect(text.split('\n')).toEqual([
      'a     | b        ',
      '------|----------',
      'x     | long cell',
      'wider | y        ',
    ]);
  });

  test('an empty table prints nothing', () => {
    expect(formatTable([])).toBe('');
  });
});
