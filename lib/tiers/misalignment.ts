import type { Account, Tier } from '../schemas/entities.ts';
import { type BenchmarkContext, evaluateBenchmarks } from './benchmarks.ts';
import type { ConditionResult } from './conditions.ts';
import { crmTierNames, tierFromCrmValue } from './crm-tier.ts';
import { compareTiers, expectedTier } from './expected-tier.ts';
import { evaluateRule } from './rule.ts';

export interface MisalignmentInput extends BenchmarkContext {
  account: Pick<Account, 'tierId' | 'attributes'>;
  tiers: readonly Tier[];
  /** The tier as the CRM records it: read from the page, or the synced `account.crmTier`. */
  crmTier?: string | null;
}

export type Misalignment =
  | {
      kind: 'tier_rules';
      direction: 'over_served' | 'under_served';
      /** null when the account meets no tier's criteria. */
      expectedTierId: string | null;
      reasons: string[];
    }
  | { kind: 'crm_field'; crmTier: string; reasons: string[] }
  | { kind: 'benchmark'; reasons: string[] };

/**
 * "ARR $420k meets Tier 1 (≥ $250k)"; a value that is unknown or of the wrong kind cannot meet or
 * miss, so its own reason is given with what the tier needs: "ARR unknown (Tier 1 needs ≥ $250k)".
 */
function conditionPhrase(result: ConditionResult, tier: Tier): string {
  if (result.actual === null) return `${result.reason} (${tier.name} needs ${result.requirement})`;
  return `${result.label} ${result.actual} ${result.met ? 'meets' : 'misses'} ${tier.name} (${result.requirement})`;
}

/**
 * An account in a tier whose criteria it fails, with no better-qualified tier, is over-served: that
 * covers a better-ranked assigned tier, a same-rank tier it fails, and no tier matching at all. A
 * same-rank tier it meets is aligned: the tie-break only picks one of two equally valid answers.
 */
function tierRules(input: MisalignmentInput, assigned: Tier, tiers: readonly Tier[]): Misalignment | null {
  const context = { attributes: input.account.attributes, health: input.health };
  const expected = expectedTier(tiers, context);
  if (expected.tier?.id === assigned.id) return null;
  const assignedResult = evaluateRule(assigned.criteria, context);
  if (expected.tier && expected.tier.rank === assigned.rank && assignedResult.met) return null;

  const direction = expected.tier && assigned.rank > expected.tier.rank ? 'under_served' : 'over_served';
  const against = expected.tier ? `expected ${expected.tier.name}` : 'no tier matches';
  const reasons = assignedResult.decisive
    .filter((result) => !result.met)
    .map((result) => `${conditionPhrase(result, assigned)}; ${against}`);
  if (expected.tier) {
    const { tier, result: expectedResult } = expected;
    for (const result of expectedResult.decisive) {
      reasons.push(`${conditionPhrase(result, tier)}; assigned ${assigned.name}`);
    }
    if (reasons.length === 0) {
      reasons.push(`${tier.name} has no criteria, so every account meets it; assigned ${assigned.name}`);
    }
  }
  return { kind: 'tier_rules', direction, expectedTierId: expected.tier?.id ?? null, reasons };
}

/** An empty CRM field says nothing about the tier, so it is not a disagreement. */
function crmField(
  crmTier: string,
  assigned: Tier | undefined,
  tierId: string,
  tiers: readonly Tier[],
): Misalignment | null {
  if (!crmTier.trim()) return null;
  if (crmTierNames(crmTier, assigned ?? { id: tierId, name: tierId })) return null;
  const named = tierFromCrmValue(crmTier, tiers);
  const assignedName = assigned?.name ?? `'${tierId}'`;
  const says = named ? `CRM says ${named.name}` : `CRM says '${crmTier}', which is not a known tier`;
  return { kind: 'crm_field', crmTier, reasons: [`${says}; assigned ${assignedName}`] };
}

/**
 * Every way the account's tier disagrees with the rules, the CRM or the tier's benchmarks. An
 * assigned tier that is not among `tiers` gets no tier_rules or benchmark entry: there is no rank or
 * benchmark to compare, and the sync layer reports the dangling reference.
 */
export function findMisalignments(input: MisalignmentInput): Misalignment[] {
  const tiers = [...input.tiers].sort(compareTiers);
  const assigned = tiers.find((tier) => tier.id === input.account.tierId);
  const found: (Misalignment | null)[] = [];
  if (assigned) found.push(tierRules(input, assigned, tiers));
  if (input.crmTier) found.push(crmField(input.crmTier, assigned, input.account.tierId, tiers));
  if (assigned) {
    const missed = evaluateBenchmarks(assigned, input).results.filter((result) => !result.met);
    if (missed.length) found.push({ kind: 'benchmark', reasons: missed.map((result) => result.reason) });
  }
  return found.filter((entry) => entry !== null);
}
