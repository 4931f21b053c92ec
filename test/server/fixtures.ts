import type {
  Account,
  KeyResult,
  Metric,
  MetricDefinition,
  Objective,
  Snapshot,
} from '../../lib/schemas/index.ts';
import { createApp } from '../../server/app.ts';
import { createToken } from '../../server/auth/tokens.ts';
import type { Db } from '../../server/db/types.ts';
import { importSnapshot } from '../../server/import.ts';

const AT = '2026-11-16T09:00:00.000Z';

export const USERS = {
  lead: { id: 'u-lead', name: 'Lee Lead', email: 'lead@example.com', role: 'lead' },
  admin: { id: 'u-admin', name: 'Ada Admin', email: 'admin@example.com', role: 'admin' },
  east: { id: 'u-east', name: 'Eve East', email: 'eve@example.com', role: 'csm', teamId: 'east' },
  eastRep: { id: 'u-east-rep', name: 'Ray Rep', email: 'ray@example.com', role: 'rep', teamId: 'east' },
  west: { id: 'u-west', name: 'Wes West', email: 'wes@example.com', role: 'csm', teamId: 'west' },
  westRep: { id: 'u-west-rep', name: 'Rita Rep', email: 'rita@example.com', role: 'rep', teamId: 'west' },
} as const;

export function account(id: string, ownerId: string | undefined, overrides: Partial<Account> = {}): Account {
  return {
    id,
    name: `Account ${id}`,
    crmRefs: [{ crm: 'hubspot', id: id.replace(/\D/g, '') || '1' }],
    tierId: 't1',
    ...(ownerId === undefined ? {} : { ownerId }),
    attributes: { arr: 1000, segment: 'smb' },
    updatedAt: AT,
    ...overrides,
  };
}

export function metric(accountId: string, key: string, value: number): Metric {
  return { accountId, key, value, asOf: AT };
}

/** The company objective of the fixture snapshots; spread it, so no test changes another's. */
export const GROW: Objective = {
  id: 'o1',
  title: 'Grow',
  level: 'company',
  periodStart: '2026-10-01',
  periodEnd: '2026-12-31',
};

/** Its one key result, scoped to Tier 1. */
export const QBRS: KeyResult = {
  id: 'k1',
  objectiveId: 'o1',
  title: 'QBRs',
  unit: 'count',
  direction: 'increase',
  start: 0,
  target: 10,
  current: 2,
  scope: { tierIds: ['t1'] },
  updatedAt: AT,
};

export const NPS: MetricDefinition = {
  key: 'nps',
  label: 'NPS',
  perspective: 'customer',
  unit: 'score',
  direction: 'higher_is_better',
  good: 40,
  warn: 10,
  weight: 1,
};

/** East owns a1–a4, west owns w1–w3, nobody owns n1; every account has two metrics. */
export function smallSnapshot(): Snapshot {
  const accounts = [
    ...['a1', 'a2', 'a3', 'a4'].map((id) => account(id, USERS.east.id)),
    ...['w1', 'w2', 'w3'].map((id) => account(id, USERS.west.id)),
    account('n1', undefined),
  ];
  return {
    users: Object.values(USERS).map((user) => ({ ...user })),
    tiers: [{ id: 't1', name: 'Tier 1', rank: 1, criteria: {}, benchmarks: [] }],
    accounts,
    objectives: [{ ...GROW }],
    keyResults: [{ ...QBRS }],
    metricDefinitions: [
      { ...NPS },
      {
        key: 'p1',
        label: 'P1s',
        perspective: 'internal',
        unit: 'tickets',
        direction: 'lower_is_better',
        good: 0,
        warn: 2,
        weight: 1,
      },
    ],
    metrics: accounts.flatMap((a) => [metric(a.id, 'nps', 30), metric(a.id, 'p1', 1)]),
  };
}

export interface Harness {
  db: Db;
  app: ReturnType<typeof createApp>;
  tokens: Record<keyof typeof USERS, string>;
  get(path: string, who?: keyof typeof USERS): Promise<Response>;
}

/** The small snapshot imported into `db`, a token per user, and a helper to call the app as them. */
export async function harness(db: Db): Promise<Harness> {
  await importSnapshot(db, smallSnapshot());
  const tokens = {} as Harness['tokens'];
  for (const [key, user] of Object.entries(USERS)) {
    tokens[key as keyof typeof USERS] = await createToken(db, user.email);
  }
  const app = createApp(db, { logError: () => {} });
  return {
    db,
    app,
    tokens,
    get: async (path, who = 'lead') =>
      app.request(path, { headers: { Authorization: `Bearer ${tokens[who]}` } }),
  };
}
