import { describe, expect, test } from 'vitest';
import { keyResultPace, paceStatus } from '../../../lib/okr/pace.ts';
import { keyResultProgress } from '../../../lib/okr/progress.ts';

describe('keyResultProgress', () => {
  test.each([
    { name: 'halfway up', unit: 'count', start: 0, target: 10, current: 5, expected: 0.5 },
    { name: 'from a non-zero start', unit: 'percent', start: 60, target: 80, current: 75, expected: 0.75 },
    { name: 'decrease toward target', unit: 'percent', start: 10, target: 4, current: 7, expected: 0.5 },
    { name: 'over-delivery exceeds 100%', unit: 'count', start: 0, target: 4, current: 6, expected: 1.5 },
    {
      name: 'sliding backwards is negative',
      unit: 'currency',
      start: 100,
      target: 200,
      current: 80,
      expected: -0.2,
    },
    { name: 'boolean not done', unit: 'boolean', start: 0, target: 1, current: 0, expected: 0 },
    { name: 'boolean done', unit: 'boolean', start: 0, target: 1, current: 1, expected: 1 },
    { name: 'start equals target, met', unit: 'count', start: 3, target: 3, current: 3, expected: 1 },
    { name: 'start equals target, missed', unit: 'count', start: 3, target: 3, current: 2, expected: 0 },
  ] as const)('$name', ({ unit, start, target, current, expected }) => {
    expect(keyResultProgress({ unit, start, target, current })).toBeCloseTo(expected, 10);
  });
});

describe('keyResultPace', () => {
  const periodStart = '2026-10-01T00:00:00Z';
  const periodEnd = '2026-12-31T00:00:00Z';
  const at = (iso: string) => new Date(iso);
  const halfway = at('2026-11-15T12:00:00Z');

  test.each([
    { name: 'ahead of the clock', progress: 0.6, now: halfway, status: 'on_track', ratio: 1.2 },
    { name: 'exactly at the on-track line', progress: 0.475, now: halfway, status: 'on_track', ratio: 0.95 },
    { name: 'just below on-track', progress: 0.47, now: halfway, status: 'at_risk', ratio: 0.94 },
    { name: 'at the at-risk line', progress: 0.375, now: halfway, status: 'at_risk', ratio: 0.75 },
    { name: 'behind', progress: 0.2, now: halfway, status: 'off_track', ratio: 0.4 },
    {
      name: 'period over and short',
      progress: 0.9,
      now: at('2027-02-01T00:00:00Z'),
      status: 'at_risk',
      ratio: 0.9,
    },
    {
      name: 'before the period',
      progress: 0,
      now: at('2026-09-01T00:00:00Z'),
      status: 'on_track',
      ratio: null,
    },
  ] as const)('$name', ({ progress, now, status, ratio }) => {
    const pace = keyResultPace(progress, periodStart, periodEnd, now);
    expect(pace.status).toBe(status);
    if (ratio === null) expect(pace.ratio).toBeNull();
    else expect(pace.ratio).toBeCloseTo(ratio, 2);
  });

  test.each([
    [1.5, 'on_track'],
    [0.95, 'on_track'],
    [0.9499, 'at_risk'],
    [0.75, 'at_risk'],
    [0.7499, 'off_track'],
    [-1, 'off_track'],
  ] as const)('paceStatus(%d) is %s', (ratio, status) => {
    expect(paceStatus(ratio)).toBe(status);
  });
});
