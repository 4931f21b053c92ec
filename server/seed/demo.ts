import type { Snapshot } from '../../lib/schemas/index.ts';
import { demoAccounts } from './demo-accounts.ts';
import { demoKeyResults } from './demo-key-results.ts';
import { DEMO_METRIC_DEFINITIONS, demoMetrics } from './demo-metrics.ts';
import { demoObjectives } from './demo-objectives.ts';
import { DEMO_TIERS } from './demo-tiers.ts';
import { DEMO_USERS } from './demo-users.ts';
import { createPrng, type Prng } from './prng.ts';

/**
 * The demo's fixed "now": the data describes Q4 2026 as seen in mid-November, whatever the clock
 * says, so the same seed always renders the same panel.
 */
export const DEMO_QUARTER = { start: '2026-10-01', end: '2026-12-31' } as const;
export const DEMO_AS_OF = '2026-11-16T09:00:00.000Z';
const DEMO_ACCOUNT_COUNT = 200;
const SEED = 20_261_001;

/** A few days before the metrics were read, at a random hour. */
function recentUpdate(prng: Prng): string {
  return new Date(Date.parse(DEMO_AS_OF) - prng.int(1, 14 * 24) * 3_600_000).toISOString();
}

/** The demo data set: deterministic, realistic, and containing every SHOWCASE user and account. */
export function demoSnapshot(): Snapshot {
  const prng = createPrng(SEED);
  const accounts = demoAccounts(prng, DEMO_ACCOUNT_COUNT, recentUpdate);
  return {
    users: DEMO_USERS.map((user) => ({ ...user })),
    tiers: structuredClone(DEMO_TIERS),
    accounts,
    objectives: demoObjectives(DEMO_QUARTER),
    keyResults: demoKeyResults(DEMO_QUARTER, accounts, recentUpdate(prng)),
    metricDefinitions: DEMO_METRIC_DEFINITIONS.map((definition) => ({ ...definition })),
    metrics: demoMetrics(
      prng,
      accounts.map((account) => account.id),
      DEMO_AS_OF,
    ),
  };
}
