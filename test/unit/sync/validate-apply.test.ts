import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CacheDb } from '../../../lib/cache/db.ts';
import type { RawChange } from '../../../lib/schemas/api.ts';
import { applyChanges } from '../../../lib/sync/apply-changes.ts';
import { MAX_TRACKED_CHANGES } from '../../../lib/sync/table-sizes.ts';
import { validateChanges } from '../../../lib/sync/validate-changes.ts';

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
    await db.transaction('rw', db.entityTables, () => applyChanges(db, valid));
    expect((await db.accounts.where('refKeys').equals('salesforce:001Dn00000Acme1IAB').first())?.name).toBe(
      'Acme',
    );
    expect((await db.accounts.where('refKeys').equals('hubspot:10001').first())?.id).toBe('a1');
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
    const { applied } = await db.transaction('rw', db.entityTables, () => applyChanges(db, valid));
    expect(applied).toBe(3);
    expect((await db.accounts.toArray()).map((a) => a.name)).toEqual(['Acme v2']);
    expect(await db.metrics.where('accountId').equals('a1').count()).toBe(1);
    const { valid: removal } = validateChanges([{ type: 'metric', op: 'delete', id: 'a1:nps' }]);
    await db.transaction('rw', db.entityTables, () => applyChanges(db, removal));
    expect(await db.metrics.count()).toBe(0);
  });
});

describe('table sizes kept while applying', () => {
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

  test('counts only new rows for puts and only stored rows for deletes', async () => {
    const sizes = { accounts: 0, metrics: 0 };
    await db.transaction('rw', db.entityTables, () => applyChanges(db, puts(['a1', 'a2']), sizes));
    const { valid } = validateChanges([
      { type: 'account', op: 'put', id: 'a2', data: account('a2', 'again') },
      { type: 'account', op: 'put', id: 'a3', data: account('a3', 'new') },
      { type: 'account', op: 'delete', id: 'a1' },
      { type: 'account', op: 'delete', id: 'never-stored' },
    ]);
    const { sizesKept } = await db.transaction('rw', db.entityTables, () => applyChanges(db, valid, sizes));
    expect(sizesKept).toBe(true);
    expect(sizes).toEqual({ accounts: await db.accounts.count(), metrics: 0 });
    expect(sizes.accounts).toBe(2);
  });

  test('a page without accounts or metrics keeps the sizes and is stored in its transaction', async () => {
    const sizes = { accounts: 3, metrics: 1 };
    const { valid } = validateChanges([{ type: 'tier', op: 'delete', id: 't1' }]);
    await db.tiers.put({ id: 't1', name: 'T1', rank: 1, criteria: {}, benchmarks: [] });
    const { sizesKept } = await db.transaction('rw', db.entityTables, () => applyChanges(db, valid, sizes));
    expect(sizesKept).toBe(true);
    expect(sizes).toEqual({ accounts: 3, metrics: 1 });
    expect(await db.tiers.count()).toBe(0);
  });

  test('gives up, leaving the sizes alone, when a page changes too many rows to look up', async () => {
    const sizes = { accounts: 7, metrics: 0 };
    const ids = Array.from({ length: MAX_TRACKED_CHANGES + 1 }, (_, i) => `a${i}`);
    const changes = puts(ids);
    const { sizesKept } = await db.transaction('rw', db.entityTables, () => applyChanges(db, changes, sizes));
    expect(sizesKept).toBe(false);
    expect(sizes).toEqual({ accounts: 7, metrics: 0 });
    expect(await db.accounts.count()).toBe(ids.length);
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
    const apply = (data: unknown) =>
      db.transaction('rw', db.entityTables, () =>
        applyChanges(db, validateChanges([{ type: 'keyResult', op: 'put', id: 'kr1', data }]).valid),
      );
    await apply(kr(5, '2026-11-02T10:00:00Z'));
    await apply(kr(4, '2026-11-02T09:00:00Z'));
    expect((await db.keyResults.get('kr1'))?.current).toBe(5);
    await apply(kr(6, '2026-11-02T11:00:00Z'));
    expect((await db.keyResults.get('kr1'))?.current).toBe(6);
    await db.delete();
  });
});
