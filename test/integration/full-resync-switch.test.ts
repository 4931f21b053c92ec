import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { BackendClient } from '../../lib/backend/client.ts';
import { ACCOUNT_COUNTS_KEY } from '../../lib/cache/account-store.ts';
import { countAccountsAndMetrics, readAccount, readMetrics } from '../../lib/cache/block-reader.ts';
import { CacheDb, readKv } from '../../lib/cache/db.ts';
import type { RawChange } from '../../lib/schemas/api.ts';
import { fullResync } from '../../lib/sync/full-resync.ts';
import { ACCOUNTS_PER_BUCKET } from '../../lib/sync/staging.ts';
import type { RecordProblem } from '../../lib/sync/validate-changes.ts';
import { cacheAccounts } from '../fixtures/cache-accounts.ts';

const AT = '2026-11-01T00:00:00Z';
const PAGE_SIZE = 1_500;
/** Enough accounts for three buckets of the switch. */
const ACCOUNTS = 2 * ACCOUNTS_PER_BUCKET + 100;

const idOf = (n: number) => `a${String(n).padStart(5, '0')}`;
const account = (n: number, name = `Account ${n}`): RawChange => ({
  type: 'account',
  op: 'put',
  id: idOf(n),
  data: { id: idOf(n), name, crmRefs: [], tierId: 'tier-1', attributes: {}, updatedAt: AT },
});
const metric = (n: number, key: string): RawChange => ({
  type: 'metric',
  op: 'put',
  id: `${idOf(n)}:${key}`,
  data: { accountId: idOf(n), key, value: n, asOf: AT },
});

/**
 * A feed as a backend sends it at scale: every account, then their metrics pages later, then a few
 * late changes to accounts of the first buckets.
 */
function feed(): RawChange[] {
  const changes: RawChange[] = [];
  for (let n = 0; n < ACCOUNTS; n++) changes.push(account(n));
  for (let n = 0; n < ACCOUNTS; n++) changes.push(metric(n, 'nps'), metric(n, 'seats'));
  changes.push(
    { type: 'metric', op: 'delete', id: `${idOf(5)}:nps` },
    { type: 'account', op: 'delete', id: idOf(ACCOUNTS_PER_BUCKET + 50) },
    account(10, 'Renamed late'),
  );
  return changes;
}

/** The feed in pages whose cursor is the offset reached; records the cursors asked for. */
function feedClient(changes: RawChange[]) {
  const cursors: (string | null)[] = [];
  const client = {
    async changes(cursor: string | null, limit: number) {
      cursors.push(cursor);
      const from = Number(cursor ?? 0);
      const to = Math.min(from + limit, changes.length);
      return { changes: changes.slice(from, to), cursor: String(to), hasMore: to < changes.length };
    },
  } as unknown as BackendClient;
  return { client, cursors };
}

describe("a full resync's switch over several buckets of accounts", () => {
  let db: CacheDb;
  beforeEach(() => {
    db = new CacheDb(`full-resync-switch-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  test('replaces the cache with exactly what the feed holds, late changes included', async () => {
    await cacheAccounts(db, [
      { id: 'gone', name: 'Gone', crmRefs: [], tierId: 'tier-1', attributes: {}, updatedAt: AT },
    ]);
    const problems: RecordProblem[] = [];
    await fullResync(db, feedClient(feed()).client, PAGE_SIZE, problems);

    expect(problems).toEqual([]);
    const counted = await countAccountsAndMetrics(db);
    expect(counted).toEqual({ accounts: ACCOUNTS - 1, metrics: 2 * ACCOUNTS - 1 });
    expect(await readKv(db, ACCOUNT_COUNTS_KEY)).toEqual(counted);
    expect(await readAccount(db, 'gone')).toBeUndefined();
    expect(await readAccount(db, idOf(ACCOUNTS_PER_BUCKET + 50))).toBeUndefined();
    expect((await readAccount(db, idOf(10)))?.name).toBe('Renamed late');
    expect((await readMetrics(db, idOf(5))).map((m) => m.key)).toEqual(['seats']);
    for (const n of [0, ACCOUNTS_PER_BUCKET - 1, ACCOUNTS_PER_BUCKET, ACCOUNTS - 1]) {
      expect((await readMetrics(db, idOf(n))).map((m) => m.key)).toEqual(['nps', 'seats']);
      expect(await db.accountBlocks.where('ids').equals(idOf(n)).count()).toBe(1);
    }
    expect(await db.stagedChanges.count()).toBe(0);
  });

  test('a record the feed now sends invalid keeps its last good cached version, counted', async () => {
    const acme = { id: 'acme', name: 'Acme', crmRefs: [], tierId: 'tier-1', attributes: {}, updatedAt: AT };
    await cacheAccounts(db, [acme], [{ accountId: 'acme', key: 'nps', value: 41, asOf: AT }]);
    await db.tiers.put({ id: 'tier-1', name: 'Strategic', rank: 1, criteria: {}, benchmarks: [] });
    const problems: RecordProblem[] = [];
    await fullResync(
      db,
      feedClient([
        account(1),
        { type: 'account', op: 'put', id: 'acme', data: { ...acme, name: 42 } },
        { type: 'metric', op: 'put', id: 'acme:nps', data: { accountId: 'acme', key: 'nps', value: 'high' } },
        { type: 'tier', op: 'put', id: 'tier-1', data: { id: 'tier-1', rank: 'first' } },
      ]).client,
      PAGE_SIZE,
      problems,
    );

    expect([...new Set(problems.map((p) => `${p.type}:${p.id}`))].sort()).toEqual([
      'account:acme',
      'metric:acme:nps',
      'tier:tier-1',
    ]);
    expect((await readAccount(db, 'acme'))?.name).toBe('Acme');
    expect((await readMetrics(db, 'acme')).map((m) => m.value)).toEqual([41]);
    expect((await db.tiers.get('tier-1'))?.name).toBe('Strategic');
    expect(await readAccount(db, idOf(1))).toBeDefined();
    expect(await readKv(db, ACCOUNT_COUNTS_KEY)).toEqual({ accounts: 2, metrics: 1 });
  });
});
