import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { toBlock } from '../../lib/cache/account-blocks.ts';
import { readAccount, readMetrics } from '../../lib/cache/block-reader.ts';
import { CacheDb } from '../../lib/cache/db.ts';
import {
  type AccountEntry,
  type CachedAccount,
  type CachedMetric,
  toCachedAccount,
  toCachedKeyResult,
} from '../../lib/cache/rows.ts';
import { answerPanel } from '../../lib/panel/answer.ts';
import type { Account, KeyResult, Metric } from '../../lib/schemas/entities.ts';
import { metricId } from '../../lib/schemas/entities.ts';
import { loadSettings } from '../../lib/settings/store.ts';
import { readSyncStatus } from '../../lib/sync/engine.ts';
import {
  createFrozen,
  FROZEN,
  type FrozenDb,
  type FrozenStore,
  IDB_VERSION_FACTOR,
} from '../fixtures/db/frozen.ts';

/**
 * One frozen database per CacheDb version (test/fixtures/db/v<N>.json): its object stores and indexes
 * exactly as that version created them, and realistic rows. A new version adds its file; nothing here
 * changes. Each is built with the raw IndexedDB API, as an older release left it on a user's disk.
 * Rows come through with their wire fields unchanged and their derived fields (index keys) as the
 * current code computes them: an upgrade may add derived keys, never touch what the backend sent.
 */
const NEWEST = FROZEN.at(-1) as FrozenDb;

/** What is really on disk, in the fixture's shape. */
function rawSchema(idb: IDBDatabase): Record<string, FrozenStore> {
  const names = [...idb.objectStoreNames].sort();
  const tx = idb.transaction(names, 'readonly');
  return Object.fromEntries(
    names.map((name) => {
      const store = tx.objectStore(name);
      const indexes = [...store.indexNames].sort().map((indexName) => {
        const { keyPath, unique, multiEntry } = store.index(indexName);
        return { name: indexName, keyPath, unique, multiEntry };
      });
      return [name, { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes }];
    }),
  );
}

function sortedStores(stores: Record<string, FrozenStore>): Record<string, FrozenStore> {
  return Object.fromEntries(
    Object.keys(stores)
      .sort()
      .map((name) => {
        const store = stores[name] as FrozenStore;
        const indexes = [...store.indexes].sort((a, b) => a.name.localeCompare(b.name));
        return [name, { ...store, indexes }];
      }),
  );
}

/** Each cached row's derived fields, recomputed from its wire fields by the current code. */
const DERIVE: Record<string, (row: Record<string, unknown>) => unknown> = {
  accounts: ({ refKeys: _r, domainKey: _d, nameKey: _n, ...account }) => toCachedAccount(account as Account),
  keyResults: ({ linkAccountIds: _a, linkTierIds: _t, ...kr }) => toCachedKeyResult(kr as KeyResult),
  metrics: ({ id: _, ...metric }) => ({ ...metric, id: metricId(metric as Metric) }),
  accountBlocks: ({ id, entries }) =>
    toBlock(
      id as number,
      (entries as AccountEntry[]).map(({ account, metrics, ...entry }) => ({
        ...entry,
        ...(account ? { account: derived('accounts', account) as CachedAccount } : {}),
        metrics: metrics.map((metric) => derived('metrics', metric) as CachedMetric),
      })),
    ),
};

function derived(storeName: string, row: object): unknown {
  return DERIVE[storeName]?.(row as Record<string, unknown>) ?? row;
}

/** Accounts and metrics moved into account blocks in version 5: they are read back through the blocks. */
async function readMoved(db: CacheDb, storeName: string, row: Record<string, unknown>): Promise<unknown> {
  if (storeName === 'accounts') return readAccount(db, row.id as string);
  const metrics = await readMetrics(db, row.accountId as string);
  return metrics.find((metric) => metric.key === row.key);
}

const opened: CacheDb[] = [];
function openCache(name: string): CacheDb {
  const db = new CacheDb(name);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('cache schema upgrades', () => {
  test('every declared CacheDb version has a frozen example', () => {
    expect(FROZEN.map((frozen) => frozen.version)).toEqual(
      Array.from({ length: NEWEST.version }, (_, i) => i + 1),
    );
    expect(NEWEST.version).toBe(openCache('declared-version').verno);
  });

  test('the newest frozen example is exactly what CacheDb creates today', async () => {
    const db = openCache(`fresh-${Math.random()}`);
    await db.open();
    expect(db.backendDB().version).toBe(NEWEST.version * IDB_VERSION_FACTOR);
    expect(rawSchema(db.backendDB())).toEqual(sortedStores(NEWEST.stores));
  });

  test.each(FROZEN.map((frozen) => [frozen.version, frozen] as const))(
    'a version %i database opens with the current CacheDb with every row intact',
    async (_, frozen) => {
      const name = `frozen-v${frozen.version}-${Math.random()}`;
      await createFrozen(name, frozen);
      const db = openCache(name);
      await db.open();
      expect(rawSchema(db.backendDB())).toEqual(sortedStores(NEWEST.stores));

      for (const [storeName, rows] of Object.entries(frozen.rows)) {
        if (!(storeName in NEWEST.stores)) {
          for (const row of rows) {
            expect(await readMoved(db, storeName, row), `${storeName} ${String(row.id)}`).toEqual(
              derived(storeName, row),
            );
          }
          continue;
        }
        const table = db.table(storeName);
        expect(await table.count(), storeName).toBe(rows.length);
        for (const row of rows) {
          const key = Dexie.getByKeyPath(row, table.schema.primKey.keyPath as string);
          const current = derived(storeName, row);
          expect(await table.get(key), `${storeName} ${key}`).toEqual(current);
          if (frozen === NEWEST) expect(current, `derived fields of ${storeName} ${key}`).toEqual(row);
        }
      }

      // Tables added since that version take the newest example's rows, unless the upgrade filled
      // them from the tables they replace.
      for (const [storeName, rows] of Object.entries(NEWEST.rows)) {
        if (storeName in frozen.stores || (await db.table(storeName).count()) > 0) continue;
        await db.table(storeName).bulkAdd(rows);
        expect(await db.table(storeName).toArray(), storeName).toEqual(rows);
      }

      // Every index of the current schema finds every row, including indexes added by the upgrade.
      for (const table of db.tables) {
        for (const row of await table.toArray()) {
          const key = Dexie.getByKeyPath(row, table.schema.primKey.keyPath as string);
          for (const index of table.schema.indexes) {
            const value = Dexie.getByKeyPath(row, index.keyPath as string);
            if (value === undefined) continue;
            for (const one of index.multi ? (value as unknown[]) : [value]) {
              const found = await table
                .where(index.name)
                .equals(one as string)
                .primaryKeys();
              expect(found, `${table.name}.${index.name} = ${String(one)}`).toContain(key);
            }
          }
        }
      }

      // The extension reads it as before.
      expect((await loadSettings(db)).backendUrl).toBe('https://goals.example.com');
      expect((await readSyncStatus(db)).state).toBe('ok');
      const answer = await answerPanel(db, 'salesforce', '001Dn00000AcmeQ', new Date('2026-11-01T12:00:00Z'));
      if (answer.kind !== 'account') throw new Error(`expected the account, got ${answer.kind}`);
      expect(answer.view.account.name).toBe('Acme Corporation');
    },
  );
});
