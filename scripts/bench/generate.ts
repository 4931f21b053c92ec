/**
 * The benchmark's data set at the scale SPEC §7 names: 50 000 accounts (each with a Salesforce and a
 * HubSpot ref), 100 000 metrics with a short history, 2 000 key results. It starts from the demo
 * snapshot, so the showcase accounts, users, tiers and metric definitions the fixture CRM pages rely on
 * are exactly those of the demo and the end-to-end tests, and tops it up with generated rows. Seeded,
 * so every run benchmarks the same data.
 */
import { toSalesforceId18 } from '../../lib/crm/salesforce-id.ts';
import type { Account, KeyResult, Metric, Objective, Snapshot } from '../../lib/schemas/index.ts';
import { DEMO_AS_OF, DEMO_QUARTER, demoSnapshot, SHOWCASE } from '../../server/index.ts';
import { DEMO_METRIC_DEFINITIONS } from '../../server/seed/demo-metrics.ts';
import { TIER_1_MIN_ARR, TIER_2_MIN_ARR, TIER_2_MIN_SEATS } from '../../server/seed/demo-tiers.ts';
import { DEMO_OWNERS } from '../../server/seed/demo-users.ts';
import { createPrng, type Prng } from '../../server/seed/prng.ts';

/** SPEC §7's book; `--accounts` asks for another size, with two metrics per account as here. */
export const DEFAULT_ACCOUNTS = 50_000;
const KEY_RESULTS = 2_000;

const SEED = 7_000_001;
/** Generated accounts' ids start with this, so the benchmark can tell them from the demo's. */
export const GENERATED_ACCOUNT_PREFIX = 'acc-b';
const HISTORY_WEEKS = 4;
const WEEK_MS = 7 * 86_400_000;
/** Few KRs are tier-wide (they show on every account of the tier); most name a handful of accounts. */
const TIER_WIDE_KEY_RESULTS = 30;
const OBJECTIVES = 100;
const ROOTS = ['Northwind', 'Summit', 'Vertex', 'Cedar', 'Polaris', 'Keystone', 'Meridian', 'Granite'];
const KINDS = ['Logistics', 'Health', 'Analytics', 'Foods', 'Robotics', 'Energy', 'Software', 'Retail'];
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** An 18-character Salesforce account id made from a counter; its 001Bm prefix never meets the demo's 001Dn. */
function salesforceId(index: number): string {
  let tail = '';
  for (let n = index, i = 0; i < 6; i++, n = Math.floor(n / 62)) tail = BASE62[n % 62] + tail;
  const id = toSalesforceId18(`001Bm0000${tail}`);
  if (id === null) throw new Error(`not a Salesforce id: 001Bm0000${tail}`);
  return id;
}

function tierFor(arr: number, seats: number): string {
  if (arr >= TIER_1_MIN_ARR) return 'tier-1';
  return arr >= TIER_2_MIN_ARR || seats >= TIER_2_MIN_SEATS ? 'tier-2' : 'tier-3';
}

function generatedAccount(prng: Prng, index: number): Account {
  const sfId = salesforceId(index);
  const hubspotId = String(2_000_000 + index);
  // The same long tail as the demo: many small accounts, a few very large ones.
  const arr = Math.round((5_000 + 650_000 * prng.next() ** 5) / 500) * 500;
  const seats = Math.max(5, Math.round(arr / prng.int(250, 600)));
  const updatedAt = new Date(Date.parse(DEMO_AS_OF) - prng.int(1, 24 * 30) * 3_600_000).toISOString();
  return {
    id: `${GENERATED_ACCOUNT_PREFIX}${String(index).padStart(5, '0')}`,
    // Unique names, so a panel showing the next account is never mistaken for the previous one.
    name: `${prng.pick(ROOTS)} ${prng.pick(KINDS)} ${index}`,
    crmRefs: [
      {
        crm: 'salesforce',
        id: sfId,
        url: `https://${SHOWCASE.salesforceHost}/lightning/r/Account/${sfId}/view`,
      },
      {
        crm: 'hubspot',
        id: hubspotId,
        url: `https://${SHOWCASE.hubspotHost}/contacts/${SHOWCASE.portalId}/record/0-2/${hubspotId}`,
      },
    ],
    tierId: tierFor(arr, seats),
    ownerId: prng.pick(DEMO_OWNERS),
    attributes: { arr, seats, segment: arr >= TIER_1_MIN_ARR ? 'enterprise' : 'smb' },
    renewalDate: `2027-${String(prng.int(1, 12)).padStart(2, '0')}-${String(prng.int(1, 28)).padStart(2, '0')}`,
    updatedAt,
  };
}

/** Two of the eight scorecard metrics per account, each with a few weekly points. */
function generatedMetrics(prng: Prng, accountId: string): Metric[] {
  const end = Date.parse(DEMO_AS_OF);
  const first = prng.int(0, DEMO_METRIC_DEFINITIONS.length - 1);
  const count = DEMO_METRIC_DEFINITIONS.length;
  const keys = [first, (first + prng.int(1, count - 1)) % count].map(
    (i) => DEMO_METRIC_DEFINITIONS[i]?.key ?? 'nrr',
  );
  return keys.map((key) => {
    const history = Array.from({ length: HISTORY_WEEKS }, (_, week) => ({
      at: new Date(end - (HISTORY_WEEKS - 1 - week) * WEEK_MS).toISOString(),
      value: prng.int(0, 100),
    }));
    return { accountId, key, value: history.at(-1)?.value ?? 0, asOf: DEMO_AS_OF, history };
  });
}

function generatedObjectives(parents: readonly Objective[]): Objective[] {
  return Array.from({ length: OBJECTIVES }, (_, i) => {
    const parent = parents[i % parents.length];
    return {
      id: `obj-bench-${i}`,
      title: `Team objective ${i}`,
      level: 'team',
      ...(parent ? { parentId: parent.id } : {}),
      ownerId: DEMO_OWNERS[i % DEMO_OWNERS.length],
      periodStart: DEMO_QUARTER.start,
      periodEnd: DEMO_QUARTER.end,
    };
  });
}

function generatedKeyResult(prng: Prng, index: number, accounts: readonly Account[]): KeyResult {
  const tierWide = index < TIER_WIDE_KEY_RESULTS;
  const target = prng.int(10, 200);
  const scope = tierWide
    ? { tierIds: [`tier-${(index % 3) + 1}`] }
    : {
        accountIds: [
          ...new Set(
            Array.from(
              { length: prng.int(1, 5) },
              () => accounts[prng.int(0, accounts.length - 1)]?.id ?? SHOWCASE.accounts.acme.id,
            ),
          ),
        ],
      };
  return {
    id: `kr-bench-${index}`,
    objectiveId: `obj-bench-${index % OBJECTIVES}`,
    title: `Key result ${index}`,
    unit: 'count',
    direction: 'increase',
    start: 0,
    target,
    current: prng.int(0, target),
    ownerId: prng.pick(DEMO_OWNERS),
    dueDate: DEMO_QUARTER.end,
    confidence: prng.int(1, 10),
    scope,
    quickLog: { label: '+1', delta: 1 },
    updatedAt: DEMO_AS_OF,
  };
}

/** The benchmark snapshot: the demo's rows plus generated ones up to `accounts` accounts. */
export function benchSnapshot(accounts = DEFAULT_ACCOUNTS): Snapshot {
  const prng = createPrng(SEED);
  const demo = demoSnapshot();
  const scale = { accounts, metrics: accounts * 2, keyResults: KEY_RESULTS };
  const generated = Array.from({ length: scale.accounts - demo.accounts.length }, (_, i) =>
    generatedAccount(prng, i),
  );
  const metrics = [...demo.metrics];
  for (const account of generated) {
    if (metrics.length >= scale.metrics) break;
    metrics.push(...generatedMetrics(prng, account.id).slice(0, scale.metrics - metrics.length));
  }
  const keyResults = [...demo.keyResults];
  for (let i = 0; keyResults.length < scale.keyResults; i++) {
    keyResults.push(generatedKeyResult(prng, i, generated));
  }
  return {
    ...demo,
    accounts: [...demo.accounts, ...generated],
    objectives: [...demo.objectives, ...generatedObjectives(demo.objectives)],
    keyResults,
    metrics,
  };
}
