import { describe, expect, test } from 'vitest';
import { formatAge } from '../../../lib/format/relative-time.ts';
import {
  formatDate,
  formatKeyResultValue,
  formatMetricValue,
  formatPercent,
} from '../../../lib/format/values.ts';

describe('formatKeyResultValue', () => {
  test.each([
    ['count', 12, '12'],
    ['count', 12_500, '12.5K'],
    ['percent', 92.25, '92.3%'],
    ['currency', 420_000, '$420K'],
    ['currency', 1_250_000, '$1.3M'],
    ['boolean', 1, 'Done'],
    ['boolean', 0, 'Not yet'],
  ] as const)('%s %d → %s', (unit, value, text) => {
    expect(formatKeyResultValue(unit, value)).toBe(text);
  });
});

describe('formatMetricValue', () => {
  test.each([
    ['%', 87.5, '87.5%'],
    ['$', 52_000, '$52K'],
    ['days', 12, '12 days'],
    ['', 1.23456, '1.2'],
  ])('%s %d → %s', (unit, value, text) => {
    expect(formatMetricValue(unit, value)).toBe(text);
  });
});

describe('formatAge', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  test.each([
    ['2026-11-23T11:59:30Z', 'just now'],
    ['2026-11-23T11:55:00Z', '5 minutes ago'],
    ['2026-11-23T09:00:00Z', '3 hours ago'],
    ['2026-11-22T10:00:00Z', 'yesterday'],
    ['2026-11-13T12:00:00Z', '10 days ago'],
    ['not a date', 'at an unknown time'],
  ])('%s → %s', (iso, text) => {
    expect(formatAge(iso, now)).toBe(text);
  });
});

test('formatPercent and formatDate', () => {
  expect(formatPercent(0.756)).toBe('76%');
  expect(formatPercent(-0.2)).toBe('-20%');
  expect(formatDate('2026-12-31')).toBe('Dec 31, 2026');
  expect(formatDate('garbage')).toBe('garbage');
});
