import type { Benchmark, Metric, MetricDefinition, Tier } from '../schemas/entities.ts';
import { type Comparison, compare, meets } from './compare.ts';
import { fieldSubject, HEALTH_FIELD, type Subject, type ValueFormat } from './format.ts';

export interface BenchmarkContext {
  /** The account's metrics; when a key appears more than once the latest `asOf` counts. */
  metrics: readonly Pick<Metric, 'key' | 'value' | 'asOf'>[];
  definitions: ReadonlyMap<string, MetricDefinition>;
  /** The account's health score 0–100 (see lib/health), null when it has no metrics. */
  health: number | null;
}

interface BenchmarkResult extends Comparison {
  benchmark: Benchmark;
}

interface BenchmarksResult {
  /** True when every benchmark is met; a benchmark on a metric without a value is not met. */
  met: boolean;
  results: BenchmarkResult[];
}

// Symbol units are shown; word units ("days", "score") are left out because the label names them.
const UNIT_FORMATS: Record<string, ValueFormat> = { '%': 'percent', $: 'money', USD: 'money' };

type MetricValue = BenchmarkContext['metrics'][number];

/** Dates are parsed only when a key repeats: the cache holds one row per account and key. */
function latestValues(metrics: BenchmarkContext['metrics']): Map<string, number> {
  const latest = new Map<string, MetricValue>();
  for (const metric of metrics) {
    const seen = latest.get(metric.key);
    if (!seen || Date.parse(metric.asOf) > Date.parse(seen.asOf)) latest.set(metric.key, metric);
  }
  return new Map([...latest].map(([key, { value }]) => [key, value]));
}

function metricSubject(key: string, definition: MetricDefinition | undefined): Subject {
  const byName = fieldSubject(key);
  if (!definition) return byName;
  return { label: definition.label, format: UNIT_FORMATS[definition.unit] ?? byName.format };
}

export function evaluateBenchmarks(
  tier: Pick<Tier, 'name' | 'benchmarks'>,
  context: BenchmarkContext,
): BenchmarksResult {
  const values = latestValues(context.metrics);
  const results = tier.benchmarks.map((benchmark): BenchmarkResult => {
    const isHealth = benchmark.metric === HEALTH_FIELD;
    const subject = isHealth
      ? fieldSubject(HEALTH_FIELD)
      : metricSubject(benchmark.metric, context.definitions.get(benchmark.metric));
    const actual = isHealth ? context.health : values.get(benchmark.metric);
    const comparison = compare(subject, benchmark.op, actual, benchmark.value);
    return { benchmark, ...comparison, reason: `${comparison.reason} (benchmark of ${tier.name})` };
  });
  return { met: results.every((result) => result.met), results };
}

/** `evaluateBenchmarks(...).met` without the words. */
export function benchmarksMet(tier: Pick<Tier, 'benchmarks'>, context: BenchmarkContext): boolean {
  if (tier.benchmarks.length === 0) return true;
  const values = latestValues(context.metrics);
  return tier.benchmarks.every((benchmark) =>
    meets(
      benchmark.op,
      benchmark.metric === HEALTH_FIELD ? context.health : values.get(benchmark.metric),
      benchmark.value,
    ),
  );
}
