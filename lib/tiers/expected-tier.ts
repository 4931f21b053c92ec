import type { Tier } from '../schemas/entities.ts';
import type { ConditionContext } from './conditions.ts';
import { evaluateRule, type RuleResult, ruleMet } from './rule.ts';

/**
 * The highest-ranked tier whose criteria the account meets, with its rule evaluation, or null when
 * none does. `reasons` say why: the conditions the tier met, or per tier why it did not match.
 */
type ExpectedTier =
  | { tier: Tier; result: RuleResult; reasons: string[] }
  | { tier: null; result: null; reasons: string[] };

/**
 * Rank 1 first. Tiers sharing a rank are ordered by id, compared by code unit rather than by locale
 * so every browser and the server pick the same tier.
 */
export function compareTiers(a: Pick<Tier, 'rank' | 'id'>, b: Pick<Tier, 'rank' | 'id'>): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

export function expectedTier(tiers: readonly Tier[], context: ConditionContext): ExpectedTier {
  const misses: string[] = [];
  for (const tier of [...tiers].sort(compareTiers)) {
    const result = evaluateRule(tier.criteria, context);
    if (result.met) {
      const reasons = result.decisive.map((condition) => condition.reason);
      return { tier, result, reasons: reasons.length ? reasons : [`${tier.name} has no criteria`] };
    }
    misses.push(`${tier.name}: ${result.decisive.map((condition) => condition.reason).join('; ')}`);
  }
  return { tier: null, result: null, reasons: tiers.length ? misses : ['No tiers are defined'] };
}

/** The tier `expectedTier` picks, without its reasons; `ranked` is already sorted by `compareTiers`. */
export function firstMatchingTier<T extends Pick<Tier, 'criteria'>>(
  ranked: readonly T[],
  context: ConditionContext,
): T | null {
  return ranked[firstMatchingIndex(ranked, context)] ?? null;
}

/** Where in `ranked` the tier `firstMatchingTier` picks is; -1 when none matches. */
export function firstMatchingIndex(
  ranked: readonly Pick<Tier, 'criteria'>[],
  context: ConditionContext,
): number {
  return ranked.findIndex((tier) => ruleMet(tier.criteria, context));
}
