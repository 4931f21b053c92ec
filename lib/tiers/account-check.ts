import { healthScore, scoreMetrics } from '../health/health-score.ts';
import type { Account, Metric, MetricDefinition, Tier } from '../schemas/entities.ts';
import { findMisalignments, type Misalignment } from './misalignment.ts';

/** What every account of an org is checked against, loaded once. */
export interface TierBook {
  tiers: readonly Tier[];
  definitions: ReadonlyMap<string, MetricDefinition>;
}

/**
 * One account's misalignments, with its health computed from `metrics` the way the panel shows
 * it, so a benchmark on health and the score beside it never disagree. `crmTier` is the CRM's
 * value to compare: read from the CRM page, or the synced one.
 */
export function checkAccount(
  account: Pick<Account, 'tierId' | 'attributes'>,
  metrics: readonly Pick<Metric, 'key' | 'value' | 'asOf'>[],
  book: TierBook,
  crmTier: string | null | undefined,
): Misalignment[] {
  const health = healthScore(scoreMetrics([...metrics], book.definitions)).score;
  return findMisalignments({
    account,
    tiers: book.tiers,
    metrics,
    definitions: book.definitions,
    health,
    crmTier: crmTier ?? null,
  });
}
