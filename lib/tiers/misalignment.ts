import type { Account, Tier } from '../schemas/entities.ts';
import { type BenchmarkContext, benchmarksMet, evaluateBenchmarks } from './benchmarks.ts';
import type { ConditionResult } from './conditions.ts';
import { crmTierNames, tierFromCrmValue } from './crm-tier.ts';
import { compareTiers, expectedTier, firstMatchingTier } from './expected-tier.ts';
import { evaluateRule, ruleMet } from './rule.ts';

export interface MisalignmentInput extends BenchmarkContext {
  account: Pick<Account, 'tierId' | 'attributes'>;
  tiers: readonly Tier[];
  /** The tier as the CRM records it: read from the page, or the synced `account.crmTier`. */
  crmTier?: string | null;
}

/** Which ways an account is misaligned, without the reasons: cheap enough to check a whole book. */
export type MisalignmentTag =
  | {
      kind: 'tier_rules';
      direction: 'over_served' | 'under_served';
      /** null when the account meets no tier's criteria. */
      expectedTierId: string | null;
    }
  | { kind: 'crm_field'; crmTier: string }
  | { kind: 'benchmark' };

export type Misalignment = MisalignmentTag & { reasons: string[] };

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
function tierRulesTag(
  input: MisalignmentInput,
  assigned: Tier,
  known: Tier | null | undefined,
): MisalignmentTag | null {
  const context = { attributes: input.account.attributes, health: input.health };
  const expected = known === undefined ? firstMatchingTier(input.tiers, context) : known;
  if (expected?.id === assigned.id) return null;
  if (expected && expected.rank === assigned.rank && ruleMet(assigned.criteria, context)) return null;
  const direction = expected && assigned.rank > expected.rank ? 'under_served' : 'over_served';
  return { kind: 'tier_rules', direction, expectedTierId: expected?.id ?? null };
}

function tierRulesReasons(input: MisalignmentInput, assigned: Tier, ranked: readonly Tier[]): string[] {
  const context = { attributes: input.account.attributes, health: input.health };
  const expected = expectedTier(ranked, context);
  const against = expected.tier ? `expected ${expected.tier.name}` : 'no tier matches';
  const reasons = evaluateRule(assigned.criteria, context)
    .decisive.filter((result) => !result.met)
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
  return reasons;
}

/** An empty CRM field says nothing about the tier, so it is not a disagreement. */
function crmFieldTag(crmTier: string, assigned: Tier | undefined, tierId: string): MisalignmentTag | null {
  if (!crmTier.trim()) return null;
  if (crmTierNames(crmTier, assigned ?? { id: tierId, name: tierId })) return null;
  return { kind: 'crm_field', crmTier };
}

function crmFieldReason(crmTier: string, assigned: Tier | undefined, tierId: string, tiers: readonly Tier[]) {
  const named = tierFromCrmValue(crmTier, tiers);
  const assignedName = assigned?.name ?? `'${tierId}'`;
  const says = named ? `CRM says ${named.name}` : `CRM says '${crmTier}', which is not a known tier`;
  return `${says}; assigned ${assignedName}`;
}

/** The tiers rank 1 first, as every check below reads them; sort once per book, not per account. */
export function rankTiers(tiers: readonly Tier[]): Tier[] {
  return [...tiers].sort(compareTiers);
}

/**
 * Every way the account's tier disagrees with the rules, the CRM or the tier's benchmarks, without
 * the reasons. An assigned tier that is not among `tiers` gets no tier_rules or benchmark entry: there
 * is no rank or benchmark to compare, and the sync layer reports the dangling reference. `tiers`
 * must be ranked (`rankTiers`). `expected`, when the caller has it already, is the account's
 * `firstMatchingTier` among `tiers`.
 */
export function classifyMisalignments(input: MisalignmentInput, expected?: Tier | null): MisalignmentTag[] {
  const ranked = input.tiers;
  const assigned = ranked.find((tier) => tier.id === input.account.tierId);
  const found: MisalignmentTag[] = [];
  const rules = assigned ? tierRulesTag(input, assigned, expected) : null;
  if (rules) found.push(rules);
  const crm = input.crmTier ? crmFieldTag(input.crmTier, assigned, input.account.tierId) : null;
  if (crm) found.push(crm);
  if (assigned && !benchmarksMet(assigned, input)) found.push({ kind: 'benchmark' });
  return found;
}

const json = JSON.stringify;

/**
 * Whether `classifyMisalignments` gives an account the same tags under two sets of tiers, given its
 * assigned tier (undefined when not among them) and its expected tier under each. It reads the
 * assigned tier's id, name, rank and benchmarks, its criteria only when the expected tier is another
 * tier of the same rank, and the expected tier's id and rank. Equal criteria or benchmarks written in
 * another key order count as different, which only costs a caller the shortcut this allows.
 */
export function classifiesAlike(
  assigned: readonly [before: Tier | undefined, after: Tier | undefined],
  expected: readonly [before: Tier | null, after: Tier | null],
): boolean {
  const [was, will] = expected;
  if (was?.id !== will?.id || was?.rank !== will?.rank) return false;
  const [b, a] = assigned;
  if (!b || !a) return b === a;
  if (b.id !== a.id || b.name !== a.name || b.rank !== a.rank) return false;
  if (json(b.benchmarks) !== json(a.benchmarks)) return false;
  const tieDecides = was !== null && was.id !== b.id && was.rank === b.rank;
  return !tieDecides || json(b.criteria) === json(a.criteria);
}

/** The reasons behind one tag that `classifyMisalignments` gave for the same input. */
export function explainMisalignment(input: MisalignmentInput, tag: MisalignmentTag): Misalignment {
  const ranked = input.tiers;
  const assigned = ranked.find((tier) => tier.id === input.account.tierId);
  if (tag.kind === 'crm_field') {
    return { ...tag, reasons: [crmFieldReason(tag.crmTier, assigned, input.account.tierId, ranked)] };
  }
  if (!assigned) return { ...tag, reasons: [] };
  if (tag.kind === 'tier_rules') return { ...tag, reasons: tierRulesReasons(input, assigned, ranked) };
  const missed = evaluateBenchmarks(assigned, input).results.filter((result) => !result.met);
  return { ...tag, reasons: missed.map((result) => result.reason) };
}

/** Every misalignment of the account with its reasons: classified first, explained only if found. */
export function findMisalignments(input: MisalignmentInput): Misalignment[] {
  const ranked = { ...input, tiers: rankTiers(input.tiers) };
  return classifyMisalignments(ranked).map((tag) => explainMisalignment(ranked, tag));
}
