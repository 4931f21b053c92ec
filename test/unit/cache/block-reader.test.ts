import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import { BLOCK_SIZE, type BlockIndex } from '../../../lib/cache/account-blocks.ts';
import {
  accountChunks,
  countAccountsAndMetrics,
  findAccounts,
  readAccount,
  readAccounts,
  readMetrics,
} from '../../../lib/cache/block-reader.ts';
import type { CacheDb } from '../../../lib/cache/db.ts';
import { accountRow, metricRow, writeChanges } from '../../fixtures/cache-accounts.ts';
import { freshCacheEachTest } from '../../fixtures/fresh-cache.ts';

let db: CacheDb;
freshCacheEachTest('block-reader', (fresh) => {
  db = fresh;
});

const ids = (accounts: { id: string }[]) => accounts.map((account) => account.id);

/** Accounts that share one block and differ in every key but the ones a case looks up. */
const NEIGHBOURS = [
  accountRow('a', {
    name: 'Acme',
    domain: 'acme.example.com',
    crmRefs: [{ crm: 'hubspot', id: '1' }],
    attributes: { arr: 100 },
  }),
  accountRow('b', {
    name: 'Acme Europe',
    domain: 'shared.example.com',
    crmRefs: [{ crm: 'hubspot', id: '2' }],
    attributes: { arr: '100' },
  }),
  accountRow('c', {
    name: 'Globex',
    domain: 'shared.example.com',
    crmRefs: [{ crm: 'pipedrive', id: '1' }],
    attributes: { arr: 200 },
  }),
  accountRow('d', { name: 'Initech', attributes: { arr: Number.NaN } }),
];

describe('findAccounts', () => {
  beforeEach(async () => {
    // And metrics of an account not cached, in the same block.
    await writeChanges(db, { accountPuts: NEIGHBOURS, metricPuts: [metricRow('hubspot', '1')] });
    expect(await db.accountBlocks.count()).toBe(1);
  });

  test.each<[Exclude<BlockIndex, 'ids'>, string | number, string[]]>([
    ['refKeys', 'hubspot:1', ['a']],
    ['refKeys', 'pipedrive:1', ['c']],
    ['refKeys', 'hubspot:3', []],
    ['domainKeys', 'acme.example.com', ['a']],
    ['domainKeys', 'shared.example.com', ['b', 'c']],
    ['nameKeys', 'acme', ['a']],
    ['nameKeys', 'acme europe', ['b']],
    ['nameKeys', 'initech', ['d']],
    ['arrs', 100, ['a']],
    ['arrs', 200, ['c']],
    ['arrs', 300, []],
  ])(
    'in %s, %j finds only the accounts that have it, never their neighbours',
    async (index, key, expected) => {
      expect(ids(await findAccounts(db, index, key))).toEqual(expected);
    },
  );

  test('reads no more blocks than it is allowed', async () => {
    const more = Array.from({ length: BLOCK_SIZE }, (_, i) =>
      accountRow(`more-${i}`, { domain: i === BLOCK_SIZE - 1 ? 'shared.example.com' : undefined }),
    );
    await writeChanges(db, { accountPuts: more });
    expect(ids(await findAccounts(db, 'domainKeys', 'shared.example.com'))).toEqual([
      'b',
      'c',
      `more-${BLOCK_SIZE - 1}`,
    ]);
    expect(ids(await findAccounts(db, 'domainKeys', 'shared.example.com', 1))).toEqual(['b', 'c']);
  });
});

/** An account in the second block. */
const LAST = `acc-${BLOCK_SIZE + 2}`;

describe('reading accounts by id', () => {
  beforeEach(async () => {
    const accounts = Array.from({ length: BLOCK_SIZE + 5 }, (_, i) => accountRow(`acc-${i}`));
    await writeChanges(db, {
      accountPuts: accounts,
      metricPuts: [metricRow('acc-3', 'nps'), metricRow(LAST, 'nps'), metricRow(LAST, 'qbr')],
    });
    await writeChanges(db, { metricPuts: [metricRow('unsynced', 'nps')] });
  });

  test('one account, its metrics, or nothing', async () => {
    expect((await readAccount(db, LAST))?.id).toBe(LAST);
    expect(await readAccount(db, 'unsynced')).toBeUndefined();
    expect(await readAccount(db, 'ghost')).toBeUndefined();
    expect(await readMetrics(db, LAST)).toEqual([metricRow(LAST, 'nps'), metricRow(LAST, 'qbr')]);
    expect(await readMetrics(db, 'acc-4')).toEqual([]);
    expect(await readMetrics(db, 'unsynced')).toEqual([metricRow('unsynced', 'nps')]);
    expect(await readMetrics(db, 'ghost')).toEqual([]);
  });

  test('many accounts, in the order asked, from any block, each with its metrics', async () => {
    const found = await readAccounts(db, [LAST, 'ghost', 'acc-3', 'unsynced', LAST, 'acc-4']);
    expect(found.map((entry) => entry?.account.id)).toEqual([
      LAST,
      undefined,
      'acc-3',
      undefined,
      LAST,
      'acc-4',
    ]);
    expect(found.map((entry) => entry?.metrics.length)).toEqual([2, undefined, 1, undefined, 2, 0]);
    expect(await readAccounts(db, [])).toEqual([]);
  });
});

describe('every account', () => {
  const COUNT = 2 * BLOCK_SIZE + 10;
  beforeEach(async () => {
    const accounts = Array.from({ length: COUNT }, (_, i) => accountRow(`acc-${String(i).padStart(3, '0')}`));
    await writeChanges(db, {
      accountPuts: accounts,
      metricPuts: accounts.flatMap((a, i) => (i % 3 === 0 ? [metricRow(a.id, 'nps', i)] : [])),
    });
    await writeChanges(db, { metricPuts: [metricRow('unsynced', 'nps'), metricRow('unsynced', 'qbr')] });
  });

  test.each<[number, number[]]>([
    [1, [BLOCK_SIZE, BLOCK_SIZE, 10]],
    [2, [2 * BLOCK_SIZE, 10]],
    [3, [COUNT]],
    [10, [COUNT]],
  ])('%i blocks at a time: chunks of %j accounts, each with its metrics', async (blocksPerChunk, sizes) => {
    const chunks = [];
    for await (const chunk of accountChunks(db, blocksPerChunk)) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.length)).toEqual(sizes);
    const all = chunks.flat();
    expect(all.map((entry) => entry.account.id)).toEqual(
      Array.from({ length: COUNT }, (_, i) => `acc-${String(i).padStart(3, '0')}`),
    );
    for (const [i, { metrics }] of all.entries()) {
      expect(metrics).toEqual(i % 3 === 0 ? [metricRow(all[i]?.account.id ?? '', 'nps', i)] : []);
    }
  });

  test('counted with the metrics of accounts not cached yet', async () => {
    expect(await countAccountsAndMetrics(db)).toEqual({ accounts: COUNT, metrics: Math.ceil(COUNT / 3) + 2 });
  });

  test('an empty cache has no chunk and counts nothing', async () => {
    await db.accountBlocks.clear();
    for await (const chunk of accountChunks(db, 2)) expect.unreachable(`a chunk of ${chunk.length}`);
    expect(await countAccountsAndMetrics(db)).toEqual({ accounts: 0, metrics: 0 });
  });
});
