import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSalesforceId18 } from '../../lib/crm/salesforce-id.ts';
import { type MetricDefinition, PERSPECTIVES, Snapshot } from '../../lib/schemas/index.ts';
import { createToken } from '../../server/auth/tokens.ts';
import type { Db } from '../../server/db/types.ts';
import { importSnapshot } from '../../server/import.ts';
import { DEMO_AS_OF, demoSnapshot } from '../../server/seed/demo.ts';
import { SHOWCASE } from '../../server/seed/showcase.ts';
import { startServer } from '../../server/start.ts';
import { BACKENDS } from './backends.ts';

function status(definition: MetricDefinition, value: number): 'good' | 'warn' | 'bad' {
  const atLeast = (threshold: number) =>
    definition.direction === 'higher_is_better' ? value >= threshold : value <= threshold;
  return atLeast(definition.good) ? 'good' : atLeast(definition.warn) ? 'warn' : 'bad';
}

describe('demo seed data', () => {
  const snapshot = demoSnapshot();

  it('is deterministic and valid', () => {
    expect(JSON.stringify(demoSnapshot())).toBe(JSON.stringify(snapshot));
    expect(Snapshot.safeParse(snapshot).success).toBe(true);
  });

  it('contains the showcase users and accounts exactly', () => {
    for (const user of Object.values(SHOWCASE.users)) {
      expect(snapshot.users).toContainEqual(user);
    }
    for (const showcased of Object.values(SHOWCASE.accounts)) {
      const account = snapshot.accounts.find((a) => a.id === showcased.id);
      expect(account).toMatchObject({
        name: showcased.name,
        tierId: showcased.tierId,
        ownerId: showcased.ownerId,
      });
      expect(account?.crmRefs.find((ref) => ref.crm === 'salesforce')?.id).toBe(showcased.salesforceId);
      expect(account?.crmRefs.find((ref) => ref.crm === 'hubspot')?.id).toBe(showcased.hubspotId);
    }
  });

  it('links only Acme to a Dynamics record, so the other showcase accounts show matching by website or name', () => {
    const linked = snapshot.accounts.filter((a) => a.crmRefs.some((ref) => ref.crm === 'dynamics'));
    expect(linked.map((a) => [a.id, a.crmRefs.find((ref) => ref.crm === 'dynamics')?.id])).toEqual([
      [SHOWCASE.accounts.acme.id, SHOWCASE.accounts.acme.dynamicsId],
    ]);
  });

  it('has about 200 accounts with valid, unique CRM ids spread over several teams', () => {
    expect(snapshot.accounts.length).toBeGreaterThanOrEqual(180);
    const salesforce = snapshot.accounts.map(
      (a) => a.crmRefs.find((ref) => ref.crm === 'salesforce')?.id ?? '',
    );
    for (const id of salesforce) {
      expect(id).toMatch(/^001[A-Za-z0-9]{15}$/);
      expect(toSalesforceId18(id.slice(0, 15))).toBe(id);
    }
    expect(new Set(salesforce.map((id) => id.toLowerCase())).size).toBe(salesforce.length);
    expect(salesforce.map((id) => id.toLowerCase())).not.toContain(
      SHOWCASE.unknownSalesforceId.toLowerCase(),
    );
    const hubspot = snapshot.accounts.map((a) => a.crmRefs.find((ref) => ref.crm === 'hubspot')?.id ?? '');
    expect(hubspot.every((id) => /^\d+$/.test(id))).toBe(true);
    expect(new Set(hubspot).size).toBe(hubspot.length);
    expect(new Set(snapshot.accounts.map((a) => a.name)).size).toBe(snapshot.accounts.length);

    const teamOf = new Map(snapshot.users.map((user) => [user.id, user.teamId]));
    const teams = new Set(snapshot.accounts.map((a) => teamOf.get(a.ownerId ?? '')).filter(Boolean));
    expect(teams.size).toBeGreaterThanOrEqual(2);
    expect(new Set(snapshot.users.map((user) => user.role))).toEqual(
      new Set(['lead', 'admin', 'csm', 'rep']),
    );
    const agreeing = snapshot.accounts.filter(
      (a) => a.crmTier === snapshot.tiers.find((t) => t.id === a.tierId)?.name,
    );
    expect(agreeing.length / snapshot.accounts.length).toBeGreaterThan(0.8);
  });

  it('has three ranked tiers and two metric definitions per perspective', () => {
    expect(snapshot.tiers.map((tier) => [tier.id, tier.rank])).toEqual([
      ['tier-1', 1],
      ['tier-2', 2],
      ['tier-3', 3],
    ]);
    expect(snapshot.tiers[0]?.criteria.all).toContainEqual({ field: 'arr', op: '>=', value: 250_000 });
    for (const perspective of PERSPECTIVES) {
      expect(snapshot.metricDefinitions.filter((d) => d.perspective === perspective)).toHaveLength(2);
    }
  });

  it('gives every account every metric with 12 weekly history points', () => {
    expect(snapshot.metrics).toHaveLength(snapshot.accounts.length * snapshot.metricDefinitions.length);
    for (const metric of snapshot.metrics) {
      expect(metric.asOf).toBe(DEMO_AS_OF);
      expect(metric.history).toHaveLength(12);
      expect(metric.history?.at(-1)).toEqual({ at: DEMO_AS_OF, value: metric.value });
    }
  });

  it('gives Acme a mixed health picture with exactly one metric in the red', () => {
    const acme = snapshot.metrics.filter((m) => m.accountId === SHOWCASE.accounts.acme.id);
    const statuses = acme.map((m) => {
      const definition = snapshot.metricDefinitions.find((d) => d.key === m.key);
      if (!definition) throw new Error(`no definition for ${m.key}`);
      return status(definition, m.value);
    });
    expect(statuses.filter((s) => s === 'bad')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'warn').length).toBeGreaterThanOrEqual(2);
    expect(statuses.filter((s) => s === 'good').length).toBeGreaterThanOrEqual(3);
  });

  it('links key results to Acme by account and by tier, under a cascade of current objectives', () => {
    const { acme } = SHOWCASE.accounts;
    expect(snapshot.keyResults.length).toBeGreaterThanOrEqual(12);
    expect(snapshot.keyResults.filter((kr) => kr.scope.accountIds?.includes(acme.id)).length).toBeGreaterThan(
      0,
    );
    expect(
      snapshot.keyResults.filter((kr) => kr.scope.tierIds?.includes(acme.tierId)).length,
    ).toBeGreaterThan(0);
    expect(snapshot.keyResults.map((kr) => kr.quickLog?.label)).toContain('QBR held');
    expect(new Set(snapshot.keyResults.map((kr) => kr.unit))).toEqual(
      new Set(['count', 'percent', 'currency', 'boolean']),
    );

    const ids = new Set(snapshot.objectives.map((o) => o.id));
    expect(new Set(snapshot.objectives.map((o) => o.level))).toEqual(
      new Set(['company', 'team', 'individual']),
    );
    for (const objective of snapshot.objectives) {
      if (objective.parentId) expect(ids.has(objective.parentId)).toBe(true);
      expect([objective.periodStart, objective.periodEnd]).toEqual(['2026-10-01', '2026-12-31']);
    }
  });
});

describe.each(BACKENDS)('demo seed on $name', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(() => db.close());

  it('imports through the normal path, serves a CSM their book, and re-seeds as a no-op', async () => {
    const server = await startServer({ port: 0, db, seed: 'demo' });
    try {
      const token = await createToken(db, SHOWCASE.users.csm.email);
      const response = await fetch(`${server.url}/v1/changes?limit=5000`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const body = (await response.json()) as { changes: { type: string; id: string }[] };
      const accounts = body.changes.filter((change) => change.type === 'account').map((change) => change.id);
      expect(accounts).toContain(SHOWCASE.accounts.acme.id);
      expect(accounts).toContain(SHOWCASE.accounts.globex.id);
      expect(accounts).not.toContain(SHOWCASE.accounts.initech.id);
    } finally {
      await server.close();
    }
    const again = await importSnapshot(db, demoSnapshot());
    expect(Object.values(again.counts).reduce((sum, c) => sum + c.changed, 0)).toBe(0);
  });
});
