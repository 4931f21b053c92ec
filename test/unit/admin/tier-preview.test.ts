import { describe, expect, it } from 'vitest';
import { groupMetrics, type PreviewAccount, previewTiers } from '../../../lib/admin/tier-preview.ts';
import type { MetricDefinition, Tier } from '../../../lib/schemas/entities.ts';
import { checkAccount } from '../../../lib/tiers/account-check.ts';
import { expectedTier } from '../../../lib/tiers/expected-tier.ts';

const tier = (id: string, rank: number, arr: number, health?: number): Tier => ({
  id,
  name: `Tier ${rank}`,
  rank,
  criteria: { all: [{ field: 'arr', op: '>=', value: arr }] },
  benchmarks: health === undefined ? [] : [{ metric: 'health', op: '>=', value: health }],
});

const account = (id: string, arr: number, tierId: string): PreviewAccount => ({
  id,
  name: id.toUpperCase(),
  tierId,
  attributes: { arr },
});

const nps: MetricDefinition = {
  key: 'nps',
  label: 'NPS',
  perspective: 'customer',
  unit: 'score',
  direction: 'higher_is_better',
  good: 50,
  warn: 20,
  weight: 1,
};

const before = [tier('t1', 1, 500_000), tier('t2', 2, 0)];
const accounts = [account('a', 600_000, 't1'), account('b', 300_000, 't1'), account('c', 100_000, 't2')];
const metrics = [
  { accountId: 'a', key: 'nps', value: 10, asOf: '2026-11-01T00:00:00Z' },
  { accountId: 'b', key: 'nps', value: 60, asOf: '2026-11-01T00:00:00Z' },
];
const book = { accounts, metricsByAccount: groupMetrics(metrics), definitions: new Map([['nps', nps]]) };

describe('tier preview', () => {
  it.each([
    {
      name: 'lowering Tier 1 to 250k moves B into it and clears its over-service',
      after: [tier('t1', 1, 250_000), tier('t2', 2, 0)],
      counts: [
        { tierId: 't1', before: 1, after: 2 },
        { tierId: 't2', before: 2, after: 1 },
      ],
      changed: 1,
      appear: [],
      clear: [['b', 'tier_rules']],
    },
    {
      name: 'raising Tier 1 to 1M moves A out: its over-service appears',
      after: [tier('t1', 1, 1_000_000), tier('t2', 2, 0)],
      counts: [
        { tierId: 't1', before: 1, after: 0 },
        { tierId: 't2', before: 2, after: 3 },
      ],
      changed: 1,
      appear: [['a', 'tier_rules']],
      clear: [],
    },
    {
      name: 'a health benchmark on Tier 1: A misses it, and B’s over-service stays',
      after: [tier('t1', 1, 500_000, 70), tier('t2', 2, 0)],
      counts: [
        { tierId: 't1', before: 1, after: 1 },
        { tierId: 't2', before: 2, after: 2 },
      ],
      changed: 0,
      appear: [['a', 'benchmark']],
      clear: [],
    },
    {
      name: 'lowering Tier 1 to 50k moves C into it: its unchanged Tier 2 is now under-service',
      after: [tier('t1', 1, 50_000), tier('t2', 2, 0)],
      counts: [
        { tierId: 't1', before: 1, after: 3 },
        { tierId: 't2', before: 2, after: 0 },
      ],
      changed: 2,
      appear: [['c', 'tier_rules']],
      clear: [['b', 'tier_rules']],
    },
    {
      name: 'Tier 1 by health instead of ARR: B qualifies, A and C (no metrics) do not',
      after: [
        { ...tier('t1', 1, 0), criteria: { all: [{ field: 'health', op: '>=' as const, value: 50 }] } },
        tier('t2', 2, 0),
      ],
      counts: [
        { tierId: 't1', before: 1, after: 1 },
        { tierId: 't2', before: 2, after: 2 },
      ],
      changed: 2,
      appear: [['a', 'tier_rules']],
      clear: [['b', 'tier_rules']],
    },
  ])('$name', ({ after, counts, changed, appear, clear }) => {
    const preview = previewTiers(book, before, after);
    expect(preview.counts).toEqual(counts);
    expect(preview.changedExpectedTier).toBe(changed);
    expect(preview.appear.map((c) => [c.accountId, c.kind])).toEqual(appear);
    expect(preview.clear.map((c) => [c.accountId, c.kind])).toEqual(clear);
  });

  it('renaming a tier shows the accounts whose CRM field named it by its old name', () => {
    const named = { ...book, accounts: [{ ...account('d', 100_000, 't2'), crmTier: 'Tier 2' }] };
    const after = [tier('t1', 1, 500_000), { ...tier('t2', 2, 0), name: 'Growth' }];
    const preview = previewTiers(named, before, after);
    expect(preview.appear.map((c) => [c.accountId, c.kind])).toEqual([['d', 'crm_field']]);
    expect(previewTiers(named, after, before).clear.map((c) => c.accountId)).toEqual(['d']);
  });

  it('raising the bar of a tier that shares its rank shows the accounts that no longer meet it', () => {
    const tied = [tier('t1', 1, 500_000), tier('t2', 2, 0), tier('t3', 2, 0)];
    const shared = { ...book, accounts: [account('e', 100_000, 't3')] };
    const preview = previewTiers(shared, tied, [tied[0], tied[1], tier('t3', 2, 200_000)] as Tier[]);
    expect(preview.changedExpectedTier).toBe(0);
    expect(preview.appear.map((c) => [c.accountId, c.kind])).toEqual([['e', 'tier_rules']]);
  });

  it('gives the reasons the panel gives, highest ARR first', () => {
    const after = [tier('t1', 1, 2_000_000, 70), tier('t2', 2, 0)];
    const preview = previewTiers(book, before, after);
    expect(preview.appear.map((c) => c.accountId)).toEqual(['a', 'a']);
    const panel = checkAccount(
      accounts[0] as PreviewAccount,
      [metrics[0] as (typeof metrics)[0]],
      {
        tiers: after,
        definitions: book.definitions,
      },
      null,
    );
    expect(preview.appear.map((c) => c.explain())).toEqual(panel.map((m) => m.reasons));
    expect(expectedTier(after, { attributes: { arr: 600_000 } }).tier?.id).toBe('t2');
  });
});
