import { describe, expect, test } from 'vitest';
import { healthScore, scoreMetrics } from '../../../lib/health/health-score.ts';
import { healthTrend } from '../../../lib/health/health-trend.ts';
import { metricScore, metricStatus } from '../../../lib/health/metric-score.ts';
import type { MetricDefinition } from '../../../lib/schemas/entities.ts';

const higher = { direction: 'higher_is_better', good: 80, warn: 60 } as const;
const lower = { direction: 'lower_is_better', good: 2, warn: 5 } as const;

describe('metric status and score', () => {
  test.each([
    { def: higher, value: 95, status: 'good', score: 100 },
    { def: higher, value: 80, status: 'good', score: 100 },
    { def: higher, value: 70, status: 'warn', score: 75 },
    { def: higher, value: 60, status: 'warn', score: 50 },
    { def: higher, value: 50, status: 'bad', score: 25 },
    { def: higher, value: 0, status: 'bad', score: 0 },
    { def: lower, value: 1, status: 'good', score: 100 },
    { def: lower, value: 2, status: 'good', score: 100 },
    { def: lower, value: 3.5, status: 'warn', score: 75 },
    { def: lower, value: 5, status: 'warn', score: 50 },
    { def: lower, value: 6.5, status: 'bad', score: 25 },
    { def: lower, value: 40, status: 'bad', score: 0 },
    { def: { direction: 'higher_is_better', good: 1, warn: 1 }, value: 1, status: 'good', score: 100 },
    { def: { direction: 'higher_is_better', good: 1, warn: 1 }, value: 0, status: 'bad', score: 0 },
  ] as const)(
    '$def.direction good=$def.good warn=$def.warn value=$value',
    ({ def, value, status, score }) => {
      expect(metricStatus(def, value)).toBe(status);
      expect(metricScore(def, value)).toBeCloseTo(score, 10);
    },
  );
});

const def = (key: string, perspective: MetricDefinition['perspective'], weight = 1): MetricDefinition => ({
  key,
  label: key.toUpperCase(),
  perspective,
  unit: '%',
  direction: 'higher_is_better',
  good: 80,
  warn: 60,
  weight,
});
const defs = new Map(
  [
    def('nrr', 'financial', 2),
    def('margin', 'financial', 1),
    def('nps', 'customer'),
    def('csat', 'customer'),
    def('sla', 'internal'),
    def('training', 'learning'),
  ].map((d) => [d.key, d]),
);
const asOf = '2026-11-01T00:00:00Z';
const values = (entries: Record<string, number>) =>
  Object.entries(entries).map(([key, value]) => ({ key, value, asOf }));

describe('healthScore', () => {
  test('averages perspectives, not metrics, so one crowded perspective cannot dominate', () => {
    const health = healthScore(scoreMetrics(values({ nrr: 100, margin: 100, nps: 50 }), defs));
    expect(health.perspectives.find((p) => p.perspective === 'financial')?.score).toBe(100);
    expect(health.perspectives.find((p) => p.perspective === 'customer')?.score).toBe(25);
    expect(health.perspectives.find((p) => p.perspective === 'internal')?.score).toBeNull();
    expect(health.score).toBeCloseTo(62.5, 10);
  });

  test('weights metrics within a perspective', () => {
    const health = healthScore(scoreMetrics(values({ nrr: 80, margin: 60 }), defs));
    expect(health.score).toBeCloseTo((100 * 2 + 50) / 3, 10);
  });

  const dragCases: { name: string; input: Record<string, number>; drag: string | null }[] = [
    {
      name: 'the worst metric in a sparse perspective',
      input: { nrr: 70, nps: 50, csat: 90, sla: 60 },
      drag: 'sla',
    },
    { name: 'a heavier weight drags more at equal shortfall', input: { nrr: 70, margin: 70 }, drag: 'nrr' },
    { name: 'nothing drags when all are good', input: { nrr: 90, nps: 85 }, drag: null },
  ];
  test.each(dragCases)('drag: $name', ({ input, drag }) => {
    expect(healthScore(scoreMetrics(values(input), defs)).drag?.key ?? null).toBe(drag);
  });

  test('no data gives no score', () => {
    expect(healthScore(scoreMetrics(values({ unknown: 3 }), defs)).score).toBeNull();
  });
});

describe('healthTrend', () => {
  test('scores each moment with each metric latest value at that moment', () => {
    const trend = healthTrend(
      [
        {
          accountId: 'a',
          key: 'nps',
          value: 80,
          asOf: '2026-11-15T00:00:00Z',
          history: [
            { at: '2026-11-01T00:00:00Z', value: 60 },
            { at: '2026-11-15T00:00:00Z', value: 80 },
          ],
        },
        {
          accountId: 'a',
          key: 'sla',
          value: 70,
          asOf: '2026-11-08T00:00:00Z',
          history: [{ at: '2026-11-08T00:00:00Z', value: 70 }],
        },
      ],
      defs,
    );
    expect(trend).toEqual([
      { at: '2026-11-01T00:00:00Z', score: 50 },
      { at: '2026-11-08T00:00:00Z', score: 62.5 },
      { at: '2026-11-15T00:00:00Z', score: 87.5 },
    ]);
  });
});
