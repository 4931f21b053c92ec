import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { benchmarksMet, evaluateBenchmarks } from '../../../lib/tiers/benchmarks.ts';
import { compare, meets } from '../../../lib/tiers/compare.ts';
import { compareTiers, expectedTier, firstMatchingTier } from '../../../lib/tiers/expected-tier.ts';
import { evaluateRule, ruleMet } from '../../../lib/tiers/rule.ts';
import {
  attributes,
  attributeValue,
  METRIC_KEYS,
  op,
  rule,
  ruleValue,
  tiers,
} from '../../fixtures/tier-arbitraries.ts';
import { AS_OF, DEFINITIONS } from './fixtures.ts';

/**
 * The book view checks every account with the cheap predicates and writes reasons only for the rows
 * on screen, so each cheap predicate must give exactly the verdict of the function that explains it.
 */
const RUNS = { seed: 4_242, numRuns: 500 };
const health = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null });
const metrics = fc.array(
  fc.record({
    key: fc.constantFrom(...METRIC_KEYS),
    value: fc.integer({ min: -50, max: 300 }),
    asOf: fc.constantFrom(AS_OF, '2026-10-01T00:00:00Z', 'not a date'),
  }),
  { maxLength: 3 },
);

describe('the cheap checks agree with the explaining ones', () => {
  test('meets = compare(...).met, whatever the operator and kinds of value', () => {
    const actual = fc.option(attributeValue, { nil: undefined });
    fc.assert(
      fc.property(op, actual, ruleValue, (o, a, e) => {
        expect(meets(o, a, e)).toBe(compare({ label: 'x', format: 'plain' }, o, a, e).met);
      }),
      RUNS,
    );
  });

  test('ruleMet = evaluateRule(...).met', () => {
    fc.assert(
      fc.property(rule, attributes, health, (r, attrs, h) => {
        const context = { attributes: attrs, health: h };
        expect(ruleMet(r, context)).toBe(evaluateRule(r, context).met);
      }),
      RUNS,
    );
  });

  test('firstMatchingTier = expectedTier(...).tier', () => {
    fc.assert(
      fc.property(tiers, attributes, health, (list, attrs, h) => {
        const context = { attributes: attrs, health: h };
        const ranked = [...list].sort(compareTiers);
        expect(firstMatchingTier(ranked, context)).toBe(expectedTier(list, context).tier);
      }),
      RUNS,
    );
  });

  test('benchmarksMet = evaluateBenchmarks(...).met, repeated keys and bad dates included', () => {
    fc.assert(
      fc.property(tiers, metrics, health, (list, ms, h) => {
        const context = { metrics: ms, definitions: DEFINITIONS, health: h };
        for (const tier of list) {
          expect(benchmarksMet(tier, context)).toBe(evaluateBenchmarks(tier, context).met);
        }
      }),
      RUNS,
    );
  });
});
