import { healthScore, scoreMetrics } from '../health/health-score.ts';
import type { Account, Metric, MetricDefinition, Tier } from '../schemas/entities.ts';
import { arrOf } from '../tiers/arr.ts';
import { firstMatchingIndex } from '../tiers/expected-tier.ts';
import { HEALTH_FIELD } from '../tiers/format.ts';
import {
  classifiesAlike,
  classifyMisalignments,
  explainMisalignment,
  type MisalignmentInput,
  type MisalignmentTag,
  rankTiers,
} from '../tiers/misalignment.ts';
import { ruleReads } from '../tiers/rule.ts';

export type PreviewAccount = Pick<Account, 'id' | 'name' | 'tierId' | 'crmTier' | 'attributes'>;
type PreviewMetrics = readonly Pick<Metric, 'key' | 'value' | 'asOf'>[];

/** The org as the preview reads it; `health` per account is computed once at most, it does not depend on tiers. */
export interface PreviewBook {
  accounts: readonly PreviewAccount[];
  metricsByAccount: ReadonlyMap<string, PreviewMetrics>;
  definitions: ReadonlyMap<string, MetricDefinition>;
}

export interface MisalignmentChange {
  accountId: string;
  accountName: string;
  arr: number | null;
  kind: MisalignmentTag['kind'];
  /**
   * Why, in the panel's words: under the new tiers for one that appears, the old for one that clears.
   * Written when asked (the workspace asks for the rows on screen): explaining 50 000 would cost more
   * than classifying them.
   */
  explain(): string[];
}

export interface TierPreview {
  /** Accounts whose criteria each tier would match first (its expected tier), before and after; `null` is no tier. */
  counts: { tierId: string | null; before: number; after: number }[];
  changedExpectedTier: number;
  /** Every misalignment that would appear, and clear, highest ARR first. */
  appear: MisalignmentChange[];
  clear: MisalignmentChange[];
}

const tagKey = (tag: MisalignmentTag) =>
  tag.kind === 'tier_rules'
    ? `tier_rules:${tag.direction}:${tag.expectedTierId}`
    : tag.kind === 'crm_field'
      ? `crm_field:${tag.crmTier}`
      : 'benchmark';

interface Pending {
  account: PreviewAccount;
  input: MisalignmentInput;
  tag: MisalignmentTag;
}

/** Each id's tier as `classifyMisalignments` finds an account's assigned one: the first in rank order. */
function firstById(ranked: readonly Tier[]): Map<string, Tier> {
  const byId = new Map<string, Tier>();
  for (const tier of ranked) if (!byId.has(tier.id)) byId.set(tier.id, tier);
  return byId;
}

/**
 * Whether accounts assigned `tierId`, whose expected tier is at `was` among the ranked tiers before
 * and at `will` after (-1: none), are classified alike on both sides: decided once per combination,
 * of which a book of any size has few.
 */
function alikeCheck(rankedBefore: readonly Tier[], rankedAfter: readonly Tier[]) {
  const assignedBefore = firstById(rankedBefore);
  const assignedAfter = firstById(rankedAfter);
  const width = rankedAfter.length + 1;
  const known = new Map<string, (boolean | undefined)[]>();
  return (tierId: string, was: number, will: number): boolean => {
    const row = known.get(tierId) ?? [];
    known.set(tierId, row);
    const slot = (was + 1) * width + will + 1;
    row[slot] ??= classifiesAlike(
      [assignedBefore.get(tierId), assignedAfter.get(tierId)],
      [rankedBefore[was] ?? null, rankedAfter[will] ?? null],
    );
    return row[slot];
  };
}

/** How many accounts each tier (by id; `null` is no tier) would hold, from counts per ranked position. */
function tally(
  counts: Map<string | null, { before: number; after: number }>,
  ranked: readonly Tier[],
  perPosition: readonly number[],
  side: 'before' | 'after',
) {
  perPosition.forEach((n, i) => {
    if (n === 0) return;
    const id = ranked[i - 1]?.id ?? null;
    const entry = counts.get(id) ?? { before: 0, after: 0 };
    entry[side] += n;
    counts.set(id, entry);
  });
}

/**
 * What saving `after` instead of `before` would change, computed with the same functions the panel
 * uses (expected tier, misalignments), so the preview and the panel never disagree.
 */
export function previewTiers(
  book: PreviewBook,
  before: readonly Tier[],
  after: readonly Tier[],
): TierPreview {
  const rankedBefore = rankTiers(before);
  const rankedAfter = rankTiers(after);
  const alike = alikeCheck(rankedBefore, rankedAfter);
  // Accounts per ranked position, one past it: position 0 counts those no tier matches.
  const wasCounts: number[] = new Array(rankedBefore.length + 1).fill(0);
  const willCounts: number[] = new Array(rankedAfter.length + 1).fill(0);
  let changedExpectedTier = 0;
  const appear: Pending[] = [];
  const clear: Pending[] = [];
  // Exactly as the panel computes it (lib/tiers/account-check.ts), so a benchmark on health agrees.
  const healthOf = (metrics: PreviewMetrics) =>
    healthScore(scoreMetrics([...metrics], book.definitions)).score;
  // Health is the costliest part of checking an account: only criteria on it need it for every account.
  const criteriaReadHealth = [...rankedBefore, ...rankedAfter].some((tier) =>
    ruleReads(tier.criteria, HEALTH_FIELD),
  );
  const metricsOf = (account: PreviewAccount) => book.metricsByAccount.get(account.id) ?? [];
  for (const account of book.accounts) {
    const context = {
      attributes: account.attributes,
      health: criteriaReadHealth ? healthOf(metricsOf(account)) : undefined,
    };
    const was = firstMatchingIndex(rankedBefore, context);
    const will = firstMatchingIndex(rankedAfter, context);
    wasCounts[was + 1] = (wasCounts[was + 1] ?? 0) + 1;
    willCounts[will + 1] = (willCounts[will + 1] ?? 0) + 1;
    const wasTier = rankedBefore[was] ?? null;
    const willTier = rankedAfter[will] ?? null;
    if ((wasTier?.id ?? null) !== (willTier?.id ?? null)) changedExpectedTier += 1;
    // Most accounts of a change to one tier are spared classifying twice.
    if (alike(account.tierId, was, will)) continue;
    const metrics = metricsOf(account);
    const common = {
      account,
      metrics,
      definitions: book.definitions,
      health: context.health === undefined ? healthOf(metrics) : context.health,
      crmTier: account.crmTier ?? null,
    };
    const oldInput = { ...common, tiers: rankedBefore };
    const newInput = { ...common, tiers: rankedAfter };
    const oldTags = classifyMisalignments(oldInput, wasTier);
    const newTags = classifyMisalignments(newInput, willTier);
    const oldKeys = new Set(oldTags.map(tagKey));
    const newKeys = new Set(newTags.map(tagKey));
    for (const tag of newTags) if (!oldKeys.has(tagKey(tag))) appear.push({ account, input: newInput, tag });
    for (const tag of oldTags) if (!newKeys.has(tagKey(tag))) clear.push({ account, input: oldInput, tag });
  }
  const counts = new Map<string | null, { before: number; after: number }>();
  tally(counts, rankedBefore, wasCounts, 'before');
  tally(counts, rankedAfter, willCounts, 'after');
  const order = [...rankedAfter.map((tier) => tier.id), ...rankedBefore.map((tier) => tier.id), null];
  return {
    counts: [...new Set(order)]
      .filter((id) => counts.has(id) || (id !== null && rankedAfter.some((tier) => tier.id === id)))
      .map((id) => ({ tierId: id, ...(counts.get(id) ?? { before: 0, after: 0 }) })),
    changedExpectedTier,
    appear: byArr(appear),
    clear: byArr(clear),
  };
}

function byArr(pending: Pending[]): MisalignmentChange[] {
  return pending
    .sort(
      (a, b) => (arrOf(b.account) ?? -1) - (arrOf(a.account) ?? -1) || (a.account.id < b.account.id ? -1 : 1),
    )
    .map(({ account, input, tag }) => {
      let reasons: string[] | undefined;
      return {
        accountId: account.id,
        accountName: account.name,
        arr: arrOf(account) ?? null,
        kind: tag.kind,
        explain: () => {
          reasons ??= explainMisalignment(input, tag).reasons;
          return reasons;
        },
      };
    });
}

/** Metrics grouped by account, as `PreviewBook` holds them. */
export function groupMetrics<M extends Pick<Metric, 'accountId'>>(metrics: readonly M[]): Map<string, M[]> {
  const byAccount = new Map<string, M[]>();
  for (const metric of metrics) {
    const list = byAccount.get(metric.accountId);
    if (list) list.push(metric);
    else byAccount.set(metric.accountId, [metric]);
  }
  return byAccount;
}
