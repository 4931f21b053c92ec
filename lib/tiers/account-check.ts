import { healthScore, scoreMetrics } from '../health/health-score.ts';
import type { Account, Metric, MetricDefinition, Tier } from '../schemas/entities.ts';
import {
  classifyMisalignments,
  findMisalignments,
  type Misalignment,
  type MisalignmentTag,
} from './misalignment.ts';

/** What every account of an org is checked against, loaded once. */
export interface TierBook {
  tiers: readonly Tier[];
  definitions: ReadonlyMap<string, MetricDefinition>;
}

type AccountInput = Pick<Account, 'tierId' | 'attributes'>;
type MetricInput = readonly Pick<Metric, 'key' | 'value' | 'asOf'>[];

function misalignmentInput(
  account: AccountInput,
  metrics: MetricInput,
  book: TierBook,
  crmTier: string | null | undefined,
) {
  return {
    account,
    tiers: book.tiers,
    metrics,
    definitions: book.definitions,
    // The health the panel shows, so a benchmark on health and the score beside it never disagree.
    health: healthScore(scoreMetrics([...metrics], book.definitions)).score,
    crmTier: crmTier ?? null,
  };
}

/**
 * One account's misalignments with their reasons, its health computed from `metrics`. `crmTier` is
 * the CRM's value to compare: read from the CRM page, or the synced one.
 */
export function checkAccount(
  account: AccountInput,
  metrics: MetricInput,
  book: TierBook,
  crmTier: string | null | undefined,
): Misalignment[] {
  return findMisalignments(misalignmentInput(account, metrics, book, crmTier));
}

/**
 * The kinds `checkAccount` would find, without writing a reason: what checking a whole book needs.
 * `book.tiers` must be ranked (`rankTiers`).
 */
export function classifyAccount(
  account: AccountInput,
  metrics: MetricInput,
  book: TierBook,
  crmTier: string | null | undefined,
): MisalignmentTag[] {
  return classifyMisalignments(misalignmentInput(account, metrics, book, crmTier));
}
