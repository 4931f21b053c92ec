import { healthScore, scoreMetrics } from '../health/health-score.ts';
import type { Account, Metric, MetricDefinition, Tier } from '../schemas/entities.ts';
import { arrOf } from '../tiers/arr.ts';
import { firstMatchingTier } from '../tiers/expected-tier.ts';
import {
  classifyMisalignments,
  explainMisalignment,
  type MisalignmentInput,
  type MisalignmentTag,
  rankTiers,
} from '../tiers/misalignment.ts';

export type PreviewAccount = Pick<Account, 'id' | 'name' | 'tierId' | 'crmTier' | 'attributes'>;

/** The org as the preview reads it; `health` per account is computed once, it does not depend on tiers. */
export interface PreviewBook {
  accounts: readonly PreviewAccount[];
  metricsByAccount: ReadonlyMap<string, readonly Pick<Metric, 'key' | 'value' | 'asOf'>[]>;
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
  const counts = new Map<string | null, { before: number; after: number }>();
  const count = (id: string | null, side: 'before' | 'after') => {
    const entry = counts.get(id) ?? { before: 0, after: 0 };
    entry[side] += 1;
    counts.set(id, entry);
  };
  let changedExpectedTier = 0;
  const appear: Pending[] = [];
  const clear: Pending[] = [];
  for (const account of book.accounts) {
    const metrics = book.metricsByAccount.get(account.id) ?? [];
    // Exactly as the panel computes it (lib/tiers/account-check.ts), so a benchmark on health agrees.
    const health = healthScore(scoreMetrics([...metrics], book.definitions)).score;
    const context = { attributes: account.attributes, health };
    const was = firstMatchingTier(rankedBefore, context)?.id ?? null;
    const will = firstMatchingTier(rankedAfter, context)?.id ?? null;
    count(was, 'before');
    count(will, 'after');
    if (was !== will) changedExpectedTier += 1;
    const common = {
      account,
      metrics,
      definitions: book.definitions,
      health,
      crmTier: account.crmTier ?? null,
    };
    const oldInput = { ...common, tiers: rankedBefore };
    const newInput = { ...common, tiers: rankedAfter };
    const oldTags = classifyMisalignments(oldInput);
    const newTags = classifyMisalignments(newInput);
    const oldKeys = new Set(oldTags.map(tagKey));
    const newKeys = new Set(newTags.map(tagKey));
    for (const tag of newTags) if (!oldKeys.has(tagKey(tag))) appear.push({ account, input: newInput, tag });
    for (const tag of oldTags) if (!newKeys.has(tagKey(tag))) clear.push({ account, input: oldInput, tag });
  }
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
