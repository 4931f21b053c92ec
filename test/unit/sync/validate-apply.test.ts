import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  ACCOUNT_COUNTS_KEY,
  accountChunks,
  findAccounts,
  openAccountWriter,
  readMetrics,
} from '../../../lib/cache/account-store.ts';
import { countAccountsAndMetrics } from '../../../lib/cache/block-reader.ts';
import { CacheDb, readKv } from '../../../lib/cache/db.ts';
import type { RawChange } from '../../../lib/schemas/api.ts';
import { applyChanges } from '../../../lib/sync/apply-changes.ts';
import { type ValidChange, validateChanges } from '../../../lib/sync/validate-changes.ts';

function apply(db: CacheDb, changes: ValidChange[]) {
  return db.transaction('rw', [...db.entityTables, db.kv], async () =>
    applyChanges(db, changes, await openAccountWriter(db)),
  );
}

async function allAccounts(db: CacheDb) {
  const accounts = [];
  for await (const chunk of accountChunks(db, 10)) accounts.push(...chunk.map((read) => read.account));
  return accounts;
}

const account = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  crmRefs: [{ crm: 'salesforce', id: '001Dn00000Acme1IAB' }],
  tierId: 'tier-1',
  attributes: { arr: 420_000 },
  updatedAt: '2026-11-01T00:00:00Z',
  ...extra,
});

describe('validateChanges', () => {
  test('keeps valid records and names the record and field of each invalid one', () => {
    const changes: RawChange[] = [
      { type: 'account', op: 'put', id: 'a1', data: account('a1', 'Acme') },
      {
        type: 'account',
        op: 'put',
        id: 'a2',
        data: account('a2', 'Bad', { attributes: { arr: { $gt: 1 } } }),
      },
      { type: 'account', op: 'put', id: 'a3', data: account('a4', 'Wrong id') },
      { type: 'tier', op: 'delete', id: 't9' },
      {
        type: 'metric',
        op: 'put',
        id: 'a1:nps',
        data: { accountId: 'a1', key: 'nps', value: 'high', asOf: 'x' },
      },
    ];
    const { valid, problems } = validateChanges(changes);
    expect(valid.map((c) => `${c.type}:${c.op}:${c.id}`)).toEqual(['account:put:a1', 'tier:delete:t9']);
    expect(problems).toEqual([
      { type: 'account', id: 'a2', field: 'attributes.arr', message: expect.any(String) },
      { type: 'account', id: 'a3', field: 'id', message: 'the record\'s own id is "a4"' },
      { type: 'metric', id: 'a1:nps', field: 'value', message: expect.any(String) },
      { type: 'metric', id: 'a1:nps', field: 'asOf', message: expect.any(String) },
    ]);
  });
});

describe('applyChanges', () => {
  let db: CacheDb;
  beforeEach(async () => {
    db = new CacheDb(`test-${Math.random()}`);
    await db.open();
  });
  afterEach(async () => {
    await db.delete();
  });

  test('indexes accounts by CRM ref, normalising 15-char Salesforce ids', async () => {
    const { valid } = validateChanges([
      {
        type: 'account',
        op: 'put',
        id: 'a1',
        data: account('a1', 'Acme', {
          crmRefs: [
            { crm: 'salesforce', id: '001Dn00000Acme1' },
            { crm: 'hubspot', id: '10001' },
          ],
        }),
      },
    ]);
    await apply(db, valid);
    expect((await findAccounts(db, 'refKeys', 'salesforce:001Dn00000Acme1IAB'))[0]?.name).toBe('Acme');
    expect((await findAccounts(db, 'refKeys', 'hubspot:10001'))[0]?.id).toBe('a1');
  });

  test('the last change to a record in a batch wins (tombstone then put on a team move)', async () => {
    const { valid } = validateChanges([
      { type: 'account', op: 'put', id: 'a1', data: account('a1', 'Acme v1') },
      { type: 'account', op: 'delete', id: 'a1' },
      { type: 'account', op: 'put', id: 'a1', data: account('a1', 'Acme v2') },
      { type: 'account', op: 'put', id: 'a2', data: account('a2', 'Gone soon') },
      { type: 'account', op: 'delete', id: 'a2' },
      {
        type: 'metric',
        op: 'put',
        id: 'a1:nps',
        data: { accountId: 'a1', key: 'nps', value: 40, asOf: '2026-11-01T00:00:00Z' },
      },
    ]);
    expect(await apply(db, valid)).toBe(3);
    expect((await allAccounts(db)).map((a) => a.name)).toEqual(['Acme v2']);
    expect(await readMetrics(db, 'a1')).toHaveLength(1);
    const { valid: removal } = validateChanges([{ type: 'metric', op: 'delete', id: 'a1:nps' }]);
    await apply(db, removal);
    expect((await countAccountsAndMetrics(db)).metrics).toBe(0);
  });
});

describe('account and metric counts while applying', () => {
  let db: CacheDb;
  beforeEach(async () => {
    db = new CacheDb(`sizes-${Math.random()}`);
    await db.open();
  });
  afterEach(async () => {
    await db.delete();
  });
  const puts = (ids: string[]) =>
    validateChanges(
      ids.map((id) => ({ type: 'account' as const, op: 'put' as const, id, data: account(id, id) })),
    ).valid;

  test('counts only new accounts for puts and only stored ones for deletes', async () => {
    await apply(db, puts(['a1', 'a2']));
    const { valid } = validateChanges([
      { type: 'account', op: 'put', id: 'a2', data: account('a2', 'again') },
      { type: 'account', op: 'put', id: 'a3', data: account('a3', 'new') },
      { type: 'account', op: 'delete', id: 'a1' },
      { type: 'account', op: 'delete', id: 'never-stored' },
      {
        type: 'metric',
        op: 'put',
        id: 'a3:nps',
        data: { accountId: 'a3', key: 'nps', value: 40, asOf: '2026-11-01T00:00:00Z' },
      },
      { type: 'metric', op: 'delete', id: 'a2:never-stored' },
    ]);
    await apply(db, valid);
    expect(await readKv(db, ACCOUNT_COUNTS_KEY)).toEqual({ accounts: 2, metrics: 1 });
    expect(await countAccountsAndMetrics(db)).toEqual({ accounts: 2, metrics: 1 });
  });

  test('a page without accounts or metrics changes no count and is stored in its transaction', async () => {
    await apply(db, puts(['a1']));
    const { valid } = validateChanges([{ type: 'tier', op: 'delete', id: 't1' }]);
    await db.tiers.put({ id: 't1', name: 'T1', rank: 1, criteria: {}, benchmarks: [] });
    await apply(db, valid);
    expect(await readKv(db, ACCOUNT_COUNTS_KEY)).toEqual({ accounts: 1, metrics: 0 });
    expect(await db.tiers.count()).toBe(0);
  });
});

describe('key results from two sources', () => {
  test('an older key result from a sync page does not roll back a newer one', async () => {
    const db = new CacheDb(`test-${Math.random()}`);
    const kr = (current: number, updatedAt: string) => ({
      id: 'kr1',
      objectiveId: 'o1',
      title: 'QBRs',
      unit: 'count',
      direction: 'increase',
      start: 0,
      target: 10,
      current,
      scope: { tierIds: ['t1'] },
      updatedAt,
    });
    const putKr = (data: unknown) =>
      apply(db, validateChanges([{ type: 'keyResult', op: 'put', id: 'kr1', data }]).valid);
    await putKr(kr(5, '2026-11-02T10:00:00Z'));
    await putKr(kr(4, '2026-11-02T09:00:00Z'));
    expect((await db.keyResults.get('kr1'))?.current).toBe(5);
    await putKr(kr(6, '2026-11-02T11:00:00Z'));
    expect((await db.keyResults.get('kr1'))?.current).toBe(6);
    await db.delete();
  });
});
