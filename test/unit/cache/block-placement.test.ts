import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import { BLOCK_SIZE } from '../../../lib/cache/account-blocks.ts';
import { countAccountsAndMetrics, readAccounts } from '../../../lib/cache/block-reader.ts';
import { createPlacement } from '../../../lib/cache/block-writer.ts';
import type { CacheDb } from '../../../lib/cache/db.ts';
import {
  accountRow,
  blockCopies,
  blockLayout,
  metricRow,
  SYNC_MODES,
  type Write,
  writeChanges,
} from '../../fixtures/cache-accounts.ts';
import { freshCacheEachTest } from '../../fixtures/fresh-cache.ts';

// Which block each new account goes to, within one sync and from one sync to the next.
let db: CacheDb;
freshCacheEachTest('block-placement', (fresh) => {
  db = fresh;
});

describe.each(SYNC_MODES)('written as %s', (_mode, writer) => {
  let write: Write;
  beforeEach(() => {
    write = writer(db);
  });

  test.each<[number[], number[]]>([
    [[1], [1]],
    [[BLOCK_SIZE], [BLOCK_SIZE]],
    [[BLOCK_SIZE + 1], [BLOCK_SIZE, 1]],
    [[2 * BLOCK_SIZE + 1], [BLOCK_SIZE, BLOCK_SIZE, 1]],
    [
      [BLOCK_SIZE - 5, BLOCK_SIZE - 5],
      [BLOCK_SIZE, BLOCK_SIZE - 10],
    ],
    [
      [BLOCK_SIZE - 1, 1, 1],
      [BLOCK_SIZE, 1],
    ],
    [
      [BLOCK_SIZE, 1],
      [BLOCK_SIZE, 1],
    ],
  ])('accounts written %j at a time fill blocks of %j', async (writes, sizes) => {
    const ids: string[] = [];
    for (const count of writes) {
      const batch = Array.from({ length: count }, (_, i) => `acc-${ids.length + i}`);
      ids.push(...batch);
      await write({ accountPuts: batch.map((id) => accountRow(id)) });
    }
    const blocks = await blockLayout(db);
    expect(blocks.map((block) => block.length)).toEqual(sizes);
    expect(blocks.flat()).toEqual(ids);
    expect(await db.accountBlocks.toCollection().primaryKeys()).toEqual(sizes.map((_, i) => i + 1));
  });

  test('room freed at the end of the last block is filled before another block starts', async () => {
    const ids = Array.from({ length: BLOCK_SIZE }, (_, i) => `acc-${i}`);
    await write({ accountPuts: ids.map((id) => accountRow(id)) });
    await write({ accountDeletes: ids.slice(-10) });
    await write({ accountPuts: ['new-1', 'new-2'].map((id) => accountRow(id)) });
    expect(await blockLayout(db)).toEqual([[...ids.slice(0, -10), 'new-1', 'new-2']]);
  });
});

describe('a placement', () => {
  const accounts = (from: number, count: number, name = 'Old') =>
    Array.from({ length: count }, (_, i) => accountRow(`acc-${from + i}`, { name: `${name} ${from + i}` }));

  test('of an empty cache knows every block there is; of a full one, where the last block ends', async () => {
    expect(await createPlacement(db)).toEqual({ blockOf: new Map(), complete: true, last: null });
    await writeChanges(db, { accountPuts: accounts(0, BLOCK_SIZE + 20) });
    expect(await createPlacement(db)).toEqual({
      blockOf: new Map(),
      complete: false,
      last: { id: 2, size: 20 },
    });
  });

  test('made by a second sync finds every account the first one cached: nothing is stored twice', async () => {
    // Two full blocks and part of a third, then ten more accounts.
    const cached = 2 * BLOCK_SIZE + BLOCK_SIZE / 2;
    const half = cached / 2;
    const first = accounts(0, cached);
    await writeChanges(db, { accountPuts: first, metricPuts: first.map((a) => metricRow(a.id, 'nps')) });

    const placement = await createPlacement(db);
    const updated = [...accounts(0, cached, 'New'), ...accounts(cached, 10, 'New')];
    const page = (from: number, to: number) => ({
      accountPuts: updated.slice(from, to),
      metricPuts: updated.slice(from, to).map((a) => metricRow(a.id, 'qbr')),
    });
    expect(await writeChanges(db, page(half, cached + 10), placement)).toEqual({
      accounts: 10,
      metrics: cached - half + 10,
    });
    expect(await writeChanges(db, page(0, half), placement)).toEqual({ accounts: 0, metrics: half });

    for (const { id } of updated) expect(await blockCopies(db, id), id).toBe(1);
    expect((await blockLayout(db)).map((block) => block.length)).toEqual([
      BLOCK_SIZE,
      BLOCK_SIZE,
      BLOCK_SIZE / 2 + 10,
    ]);
    expect(await countAccountsAndMetrics(db)).toEqual({ accounts: cached + 10, metrics: 2 * cached + 10 });
    const [oldest, newest] = await readAccounts(db, ['acc-0', `acc-${cached + 9}`]);
    expect(oldest?.account.name).toBe('New 0');
    expect(oldest?.metrics.map((m) => m.key)).toEqual(['nps', 'qbr']);
    expect(newest?.metrics.map((m) => m.key)).toEqual(['qbr']);
  });
});
