import 'fake-indexeddb/auto';
import type { DBCoreMutateRequest } from 'dexie';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { toBlock } from '../../lib/cache/account-blocks.ts';
import { countAccountsAndMetrics, readAccount, readMetrics } from '../../lib/cache/block-reader.ts';
import { CacheDb, readKv } from '../../lib/cache/db.ts';
import { StorageFullError } from '../../lib/cache/quota.ts';
import { logOutcome } from '../../lib/outbox/log.ts';
import { answerPanel } from '../../lib/panel/answer.ts';
import type { Snapshot } from '../../lib/schemas/api.ts';
import { saveSettings } from '../../lib/settings/store.ts';
import { createSyncEngine, readSyncStatus } from '../../lib/sync/engine.ts';
import { CURSOR_KEY } from '../../lib/sync/forget-synced.ts';
import {
  createToken,
  deleteEntities,
  importSnapshot,
  pruneTombstones,
  type RunningServer,
  startServer,
} from '../../server/index.ts';
import { metricRow, writeChanges } from '../fixtures/cache-accounts.ts';
import { GROW, NPS, QBRS } from '../server/fixtures.ts';

const AT = '2026-11-01T00:00:00.000Z';
function snapshot(accountName: string, nps: number): Snapshot {
  return {
    users: [{ id: 'u-lead', name: 'Lee Lead', email: 'lee@example.com', role: 'lead' }],
    tiers: [{ id: 't1', name: 'Tier 1', rank: 1, criteria: {}, benchmarks: [] }],
    accounts: [
      {
        id: 'a1',
        name: accountName,
        crmRefs: [{ crm: 'hubspot', id: '1' }],
        tierId: 't1',
        attributes: {},
        updatedAt: AT,
      },
      {
        id: 'a2',
        name: 'Globex',
        crmRefs: [{ crm: 'hubspot', id: '2' }],
        tierId: 't1',
        attributes: {},
        updatedAt: AT,
      },
    ],
    objectives: [{ ...GROW }],
    keyResults: [{ ...QBRS }],
    metricDefinitions: [{ ...NPS }],
    metrics: [{ accountId: 'a1', key: 'nps', value: nps, asOf: AT, history: [{ at: AT, value: nps }] }],
  };
}

type Refuse = (table: string, request: DBCoreMutateRequest) => boolean;

/**
 * Stands in for the browser refusing writes when storage is full: the real quota cannot be reached
 * quickly, so a middleware throws the DOMException IndexedDB throws, for the writes `refuse` picks.
 */
function fullDisk(db: CacheDb): { refuse: Refuse } {
  const disk: { refuse: Refuse } = { refuse: () => false };
  db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(request) {
            if (disk.refuse(name, request)) {
              return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            }
            return table.mutate(request);
          },
        };
      },
    }),
  });
  return disk;
}

const frees = (request: DBCoreMutateRequest) => request.type === 'delete' || request.type === 'deleteRange';

async function contents(db: CacheDb) {
  const tables = await Promise.all(db.entityTables.map(async (table) => [table.name, await table.toArray()]));
  return { tables: Object.fromEntries(tables), cursor: await readKv(db, CURSOR_KEY) };
}

describe('browser storage full', () => {
  let server: RunningServer;
  let db: CacheDb;
  let disk: { refuse: Refuse };

  beforeAll(async () => {
    server = await startServer({ port: 0, storage: { kind: 'memory' } });
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    await importSnapshot(server.db, snapshot('Acme', 30));
    db = new CacheDb(`storage-full-${Math.random()}`);
    disk = fullDisk(db);
    await saveSettings(db, {
      backendUrl: server.url,
      token: await createToken(server.db, 'lee@example.com'),
      syncIntervalMinutes: 15,
    });
    expect((await createSyncEngine(db).sync()).status.state).toBe('ok');
  });
  afterEach(() => db.delete());

  const log = () => logOutcome(db, { keyResultId: QBRS.id, accountId: 'a1' }, 'u-lead', new Date());

  test('a sync that cannot be stored changes nothing, keeps the outbox, and says storage is full', async () => {
    const queued = await log();
    const before = await contents(db);
    const outbox = await db.outbox.toArray();
    await importSnapshot(server.db, snapshot('Acme Renamed', 55));

    // Even the sync status cannot be written: it must still reach the options page and the panel.
    disk.refuse = (table, request) => !frees(request) && table !== 'outbox';
    const { status } = await createSyncEngine(db).sync();
    expect(status.state).toBe('error');
    expect(status.lastError?.code).toBe('storage_full');
    expect(status.lastError?.message).toMatch(/^Browser storage is full: the latest data from the backend/);
    expect(await readSyncStatus(db)).toEqual(status);
    const panel = await answerPanel(db, 'hubspot', '1', new Date(AT));
    expect(panel.kind).toBe('account');
    expect(panel.sync.error?.code).toBe('storage_full');
    expect(await contents(db)).toEqual(before);
    expect(await db.outbox.toArray()).toEqual(outbox);

    disk.refuse = () => false;
    expect((await createSyncEngine(db).sync()).status.state).toBe('ok');
    expect((await readAccount(db, 'a1'))?.name).toBe('Acme Renamed');
    expect((await readSyncStatus(db)).lastError).toBeNull();
    expect((await db.outbox.toArray()).map((row) => row.id)).toEqual([queued.id]);
  });

  test('a page refused mid-transaction rolls back the accounts written before it', async () => {
    const before = await contents(db);
    await importSnapshot(server.db, snapshot('Acme Renamed', 55));
    // The cursor is written after the page's accounts and metrics, in the same transaction.
    disk.refuse = (table, request) =>
      table === 'kv' && request.type === 'put' && (request.values[0] as { key?: string })?.key === CURSOR_KEY;
    const { status } = await createSyncEngine(db).sync();
    expect(status.lastError?.code).toBe('storage_full');
    expect(await contents(db)).toEqual(before);
  });

  test('an outcome that cannot be stored fails visibly and keeps the outbox as it was', async () => {
    const earlier = await log();
    disk.refuse = (_, request) => !frees(request);
    const error = await log().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toBe(
      'Browser storage is full: this outcome was NOT saved. Free up disk space, then log it again.',
    );
    expect((await db.outbox.toArray()).map((row) => row.id)).toEqual([earlier.id]);
  });

  test('room for an outcome is made by dropping the cached metrics, which the next sync restores', async () => {
    const metrics = await readMetrics(db, 'a1');
    expect(metrics).not.toEqual([]);
    // Metrics of an account that is not cached (yet) are stored too, and go with the others.
    await writeChanges(db, { metricPuts: [metricRow('a-not-synced', 'nps')] });
    let metricsDropped = false;
    disk.refuse = (table, request) => {
      if (table === 'accountBlocks' && request.type === 'put') metricsDropped = true;
      return table === 'outbox' && !frees(request) && !metricsDropped;
    };
    const outcome = await log();
    expect(await db.outbox.get(outcome.id)).toMatchObject({ outcome, status: 'pending' });
    expect(await countAccountsAndMetrics(db)).toEqual({ accounts: 2, metrics: 0 });
    // Each block's index keys still describe what it holds.
    for (const block of await db.accountBlocks.toArray()) {
      expect(block).toEqual(toBlock(block.id, block.entries));
    }
    expect(await readKv(db, CURSOR_KEY)).toBeUndefined();

    // Without a cursor the cache is replaced as a whole: a deletion whose tombstone is gone still lands.
    await deleteEntities(server.db, 'account', ['a2']);
    await pruneTombstones(server.db, 0);
    disk.refuse = () => false;
    expect((await createSyncEngine(db).sync()).status.state).toBe('ok');
    expect(await readMetrics(db, 'a1')).toEqual(metrics);
    expect(await readAccount(db, 'a2')).toBeUndefined();
    expect(await countAccountsAndMetrics(db)).toMatchObject({ accounts: 1 });
    expect(await db.outbox.get(outcome.id)).toMatchObject({ outcome, status: 'pending' });
  });
});
