import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  countAccountsAndMetrics,
  findAccounts,
  readAccount,
  readAccounts,
  readMetrics,
} from '../../../lib/cache/block-reader.ts';
import type { AccountChanges, SizeDelta } from '../../../lib/cache/block-writer.ts';
import type { CacheDb } from '../../../lib/cache/db.ts';
import {
  accountRow,
  blockCopies,
  blockLayout,
  metricRow,
  SYNC_MODES,
  type Write,
} from '../../fixtures/cache-accounts.ts';
import { freshCacheEachTest } from '../../fixtures/fresh-cache.ts';

// What one write does to the accounts and metrics it names: their entries, the keys they are found
// by, and how many accounts and metrics the cache gained. Where entries go: block-placement.test.ts.
let db: CacheDb;
freshCacheEachTest('block-writer', (fresh) => {
  db = fresh;
});

const ACME = accountRow('acme', {
  name: '  Acme   Corp ',
  domain: 'https://www.acme.example.com/pricing',
  crmRefs: [
    { crm: 'salesforce', id: '001Dn00000Acme1IAB' },
    { crm: 'hubspot', id: '42' },
  ],
  attributes: { arr: 250_000, seats: 40 },
});
const NPS = metricRow('acme', 'nps', 40);
const QBR = metricRow('acme', 'days_since_qbr', 30);

describe.each(SYNC_MODES)('written as %s', (_mode, writer) => {
  let write: Write;
  beforeEach(() => {
    write = writer(db);
  });

  test.each<[string, 'refKeys' | 'domainKeys' | 'nameKeys' | 'arrs', string | number]>([
    ['its first CRM record', 'refKeys', 'salesforce:001Dn00000Acme1IAB'],
    ['its second CRM record', 'refKeys', 'hubspot:42'],
    ['its website', 'domainKeys', 'acme.example.com'],
    ['its name', 'nameKeys', 'acme corp'],
    ['its ARR', 'arrs', 250_000],
  ])('a put caches the account, found by %s', async (_key, index, key) => {
    expect(await write({ accountPuts: [ACME] })).toEqual({ accounts: 1, metrics: 0 });
    expect(await readAccount(db, 'acme')).toEqual(ACME);
    expect((await findAccounts(db, index, key)).map((a) => a.id)).toEqual(['acme']);
    expect(await db.accountBlocks.where(index).equals(key).count()).toBe(1);
  });

  test('updating an account keeps its metrics; the keys it no longer has find nothing', async () => {
    await write({ accountPuts: [ACME], metricPuts: [NPS, QBR] });
    const renamed = accountRow('acme', {
      name: 'Acme Holdings',
      domain: 'acme.example.org',
      crmRefs: [{ crm: 'hubspot', id: '42' }],
      attributes: { arr: 300_000 },
    });
    expect(await write({ accountPuts: [renamed] })).toEqual({ accounts: 0, metrics: 0 });
    expect(await readAccount(db, 'acme')).toEqual(renamed);
    expect(await readMetrics(db, 'acme')).toEqual([NPS, QBR]);
    expect(await blockCopies(db, 'acme')).toBe(1);
    for (const [index, key] of [
      ['nameKeys', 'acme corp'],
      ['domainKeys', 'acme.example.com'],
      ['refKeys', 'salesforce:001Dn00000Acme1IAB'],
      ['arrs', 250_000],
    ] as const) {
      expect(await db.accountBlocks.where(index).equals(key).count()).toBe(0);
    }
    expect((await findAccounts(db, 'nameKeys', 'acme holdings')).map((a) => a.id)).toEqual(['acme']);
    expect((await findAccounts(db, 'arrs', 300_000)).map((a) => a.id)).toEqual(['acme']);
  });

  test('a metric that arrives before its account is kept, then joined to it', async () => {
    expect(await write({ metricPuts: [NPS] })).toEqual({ accounts: 0, metrics: 1 });
    expect(await readAccount(db, 'acme')).toBeUndefined();
    expect(await readMetrics(db, 'acme')).toEqual([NPS]);
    expect(await readAccounts(db, ['acme'])).toEqual([undefined]);
    expect(await countAccountsAndMetrics(db)).toEqual({ accounts: 0, metrics: 1 });

    expect(await write({ accountPuts: [ACME] })).toEqual({ accounts: 1, metrics: 0 });
    expect(await readAccounts(db, ['acme'])).toEqual([{ account: ACME, metrics: [NPS] }]);
    expect(await blockCopies(db, 'acme')).toBe(1);
  });

  test.each<[string, boolean]>([
    ['alone in its block', true],
    ['beside another account', false],
  ])('a deleted account %s keeps its metrics until they are deleted too', async (_where, alone) => {
    if (!alone) await write({ accountPuts: [accountRow('globex')] });
    await write({ accountPuts: [ACME], metricPuts: [NPS, QBR] });

    expect(await write({ accountDeletes: ['acme'] })).toEqual({ accounts: -1, metrics: 0 });
    expect(await readAccount(db, 'acme')).toBeUndefined();
    expect(await readMetrics(db, 'acme')).toEqual([NPS, QBR]);
    expect(await db.accountBlocks.where('nameKeys').equals('acme corp').count()).toBe(0);

    expect(await write({ metricDeletes: [NPS.id] })).toEqual({ accounts: 0, metrics: -1 });
    expect(await readMetrics(db, 'acme')).toEqual([QBR]);
    expect(await blockCopies(db, 'acme')).toBe(1);

    expect(await write({ metricDeletes: [QBR.id] })).toEqual({ accounts: 0, metrics: -1 });
    expect(await blockCopies(db, 'acme')).toBe(0);
    expect(await blockLayout(db)).toEqual(alone ? [] : [['globex']]);
  });

  test('an account deleted after its metrics goes with its entry', async () => {
    await write({ accountPuts: [ACME], metricPuts: [NPS] });
    await write({ metricDeletes: [NPS.id] });
    expect(await blockCopies(db, 'acme')).toBe(1);
    await write({ accountDeletes: ['acme'] });
    expect(await blockLayout(db)).toEqual([]);
  });

  test.each<[string, string, [string, string][]]>([
    [
      'acme:eu',
      'nps:q3',
      [
        ['acme', 'eu:nps'],
        ['acme:eu', 'nps'],
        ['acme:eu:nps', 'q4'],
      ],
    ],
    [
      'acme',
      'eu:nps',
      [
        ['acme:eu', 'nps:q3'],
        ['acme:eu', 'x'],
        ['acme', 'eu'],
      ],
    ],
    [
      ':acme',
      'nps',
      [
        [':acme', 'qbr'],
        ['acme', 'nps'],
      ],
    ],
    [
      'acme:',
      'nps',
      [
        ['acme', 'nps'],
        ['acme:', 'qbr'],
      ],
    ],
    [
      ':',
      ':',
      [
        [':', '::'],
        ['::', 'x'],
      ],
    ],
  ])('metric %j of account %j is deleted by its id, its neighbours kept', async (accountId, key, others) => {
    const target = metricRow(accountId, key);
    const kept = others.map(([id, otherKey]) => metricRow(id, otherKey));
    const accountIds = [...new Set([accountId, ...others.map(([id]) => id)])];
    await write({ accountPuts: accountIds.map((id) => accountRow(id)), metricPuts: [target, ...kept] });

    expect(await write({ metricDeletes: [target.id] })).toEqual({ accounts: 0, metrics: -1 });
    const left = (await Promise.all(accountIds.map((id) => readMetrics(db, id)))).flat();
    expect(left.map((m) => m.id).sort()).toEqual(kept.map((m) => m.id).sort());
  });

  test('each write says exactly how many accounts and metrics the cache gained', async () => {
    const steps: [string, Partial<AccountChanges>, SizeDelta][] = [
      ['two new accounts', { accountPuts: [accountRow('a'), accountRow('b')] }, { accounts: 2, metrics: 0 }],
      ['one updated', { accountPuts: [accountRow('a', { name: 'A2' })] }, { accounts: 0, metrics: 0 }],
      [
        'the same new account twice',
        { accountPuts: [accountRow('c'), accountRow('c')] },
        { accounts: 1, metrics: 0 },
      ],
      [
        'two new metrics',
        { metricPuts: [metricRow('a', 'nps'), metricRow('b', 'nps')] },
        { accounts: 0, metrics: 2 },
      ],
      ['a metric updated', { metricPuts: [metricRow('a', 'nps', 9)] }, { accounts: 0, metrics: 0 }],
      ['a metric before its account', { metricPuts: [metricRow('d', 'nps')] }, { accounts: 0, metrics: 1 }],
      ['that account', { accountPuts: [accountRow('d')] }, { accounts: 1, metrics: 0 }],
      ['an account deleted', { accountDeletes: ['a'] }, { accounts: -1, metrics: 0 }],
      ['deleted again', { accountDeletes: ['a'] }, { accounts: 0, metrics: 0 }],
      ['an account never cached deleted', { accountDeletes: ['ghost'] }, { accounts: 0, metrics: 0 }],
      ['a metric deleted', { metricDeletes: ['a:nps'] }, { accounts: 0, metrics: -1 }],
      ['deleted again', { metricDeletes: ['a:nps', 'ghost:nps', 'nps'] }, { accounts: 0, metrics: 0 }],
      [
        'a mix',
        {
          accountPuts: [accountRow('e'), accountRow('f')],
          accountDeletes: ['b'],
          metricPuts: [metricRow('e', 'x'), metricRow('e', 'y')],
          metricDeletes: ['b:nps'],
        },
        { accounts: 1, metrics: 1 },
      ],
    ];
    const total = { accounts: 0, metrics: 0 };
    for (const [step, changes, delta] of steps) {
      expect(await write(changes), step).toEqual(delta);
      total.accounts += delta.accounts;
      total.metrics += delta.metrics;
      expect(await countAccountsAndMetrics(db), step).toEqual(total);
    }
  });
});
