import { describe, expect, test } from 'vitest';
import type { Benchmark } from '../../../lib/schemas/entities.ts';
import { evaluateBenchmarks } from '../../../lib/tiers/benchmarks.ts';
import { AS_OF, DEFINITIONS, STRATEGIC } from './fixtures.ts';

const metric = (key: string, value: number, asOf = AS_OF) => ({ key, value, asOf });
const one = (benchmark: Benchmark) => ({ name: 'Tier 1', benchmarks: [benchmark] });

describe('evaluateBenchmarks: one benchmark', () => {
  test.each<{ benchmark: Benchmark; health: number | null; met: boolean; missing: boolean; reason: string }>([
    {
      benchmark: { metric: 'health', op: '>=', value: 70 },
      health: 58,
      met: false,
      missing: false,
      reason: 'Health 58 < 70 (benchmark of Tier 1)',
    },
    {
      benchmark: { metric: 'health', op: '>=', value: 70 },
      health: 77.4,
      met: true,
      missing: false,
      reason: 'Health 77 ≥ 70 (benchmark of Tier 1)',
    },
    {
      benchmark: { metric: 'health', op: '>=', value: 70 },
      health: null,
      met: false,
      missing: true,
      reason: 'Health unknown (benchmark of Tier 1)',
    },
    {
      benchmark: { metric: 'days_since_qbr', op: '<=', value: 90 },
      health: 80,
      met: false,
      missing: false,
      reason: 'Days since last QBR 104 > 90 (benchmark of Tier 1)',
    },
    {
      benchmark: { metric: 'weekly_active_pct', op: '>=', value: 40 },
      health: 80,
      met: true,
      missing: false,
      reason: 'Weekly active users 63.5% ≥ 40% (benchmark of Tier 1)',
    },
    {
      benchmark: { metric: 'expansion', op: '>', value: 100_000 },
      health: 80,
      met: true,
      missing: false,
      reason: 'Expansion pipeline $120k > $100k (benchmark of Tier 1)',
    },
    {
      benchmark: { metric: 'nps', op: '>=', value: 30 },
      health: 80,
      met: false,
      missing: true,
      reason: 'Net promoter score unknown (benchmark of Tier 1)',
    },
    {
      benchmark: { metric: 'open_tickets', op: '<', value: 3 },
      health: 80,
      met: true,
      missing: false,
      reason: 'open tickets 1 < 3 (benchmark of Tier 1)',
    },
    {
      benchmark: { metric: 'no_such_metric', op: '==', value: 1 },
      health: 80,
      met: false,
      missing: true,
      reason: 'no such metric unknown (benchmark of Tier 1)',
    },
  ])(
    '$benchmark.metric $benchmark.op $benchmark.value, health $health',
    ({ benchmark, health, ...expected }) => {
      const metrics = [
        metric('days_since_qbr', 104),
        metric('weekly_active_pct', 63.5),
        metric('expansion', 120_000),
        metric('open_tickets', 1),
      ];
      const { met, results } = evaluateBenchmarks(one(benchmark), {
        metrics,
        definitions: DEFINITIONS,
        health,
      });
      expect(met).toBe(expected.met);
      expect(results).toHaveLength(1);
      expect(results[0]).toMatchObject({ benchmark, ...expected });
    },
  );
});

describe('evaluateBenchmarks: a tier', () => {
  test('all met', () => {
    const metrics = [metric('days_since_qbr', 30), metric('nps', 45)];
    const result = evaluateBenchmarks(STRATEGIC, { metrics, definitions: DEFINITIONS, health: 82 });
    expect(result.met).toBe(true);
    expect(result.results.map((r) => r.met)).toEqual([true, true, true]);
  });

  test('a missing metric is reported, not silently passed', () => {
    const metrics = [metric('days_since_qbr', 30)];
    const result = evaluateBenchmarks(STRATEGIC, { metrics, definitions: DEFINITIONS, health: 82 });
    expect(result.met).toBe(false);
    expect(result.results.filter((r) => !r.met).map((r) => r.reason)).toEqual([
      'Net promoter score unknown (benchmark of Tier 1)',
    ]);
  });

  test('the latest value of a metric counts, whatever the order', () => {
    const metrics = [
      metric('nps', 10, '2026-10-01T00:00:00Z'),
      metric('nps', 40, '2026-11-01T00:00:00+01:00'),
      metric('nps', 20, '2026-09-01T00:00:00Z'),
    ];
    const result = evaluateBenchmarks(one({ metric: 'nps', op: '>=', value: 30 }), {
      metrics,
      definitions: DEFINITIONS,
      health: null,
    });
    expect(result.results[0]?.reason).toBe('Net promoter score 40 ≥ 30 (benchmark of Tier 1)');
  });

  test('a tier without benchmarks is met', () => {
    const result = evaluateBenchmarks(
      { name: 'Tier 3', benchmarks: [] },
      { metrics: [], definitions: DEFINITIONS, health: null },
    );
    expect(result).toEqual({ met: true, results: [] });
  });
});
