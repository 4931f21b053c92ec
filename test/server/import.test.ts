import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/types.ts';
import { importSnapshot, loadSnapshotFile, SnapshotInvalidError } from '../../server/import.ts';
import { BACKENDS } from './backends.ts';
import { idsOf, newSync, pull } from './feed-client.ts';
import { account, type Harness, harness, metric, smallSnapshot, USERS } from './fixtures.ts';

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SnapshotInvalidError);
  return (error as SnapshotInvalidError).problems;
}

async function count(db: Db, table: string): Promise<number> {
  const [row] = await db.query<{ n: string | number }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(row?.n);
}

describe.each(BACKENDS)('import on $name', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(() => db.close());

  it('names each bad row by collection, index and field, and imports nothing', async () => {
    const snapshot = JSON.parse(JSON.stringify(smallSnapshot()));
    snapshot.accounts[3].attributes.arr = null;
    snapshot.accounts[5].updatedAt = 'yesterday';
    delete snapshot.users[1].email;
    const problems = await problemsOf(importSnapshot(db, snapshot));
    expect(problems).toEqual([
      'users[1].email: expected string, received undefined',
      'accounts[3].attributes.arr: expected number, string or boolean, received null',
      'accounts[5].updatedAt: Invalid ISO datetime',
    ]);
    expect(await count(db, 'users')).toBe(0);
    expect(await count(db, 'changes')).toBe(0);
  });

  it('rejects references to nothing and duplicate ids, even when every row is well formed', async () => {
    const snapshot = smallSnapshot();
    snapshot.accounts[2] = account('a3', USERS.east.id, { tierId: 'tier-x' });
    snapshot.accounts.push(account('a1', USERS.east.id));
    snapshot.metrics.push(metric('ghost', 'nps', 1));
    for (const kr of snapshot.keyResults) kr.scope = { accountIds: ['a1', 'nope'] };
    const problems = await problemsOf(importSnapshot(db, snapshot));
    expect(problems).toEqual(
      expect.arrayContaining([
        'accounts[8].id: duplicate of accounts[0] (a1)',
        'accounts[2].tierId: unknown tier "tier-x"',
        'metrics[16].accountId: unknown account "ghost"',
        'keyResults[0].scope.accountIds[1]: unknown account "nope"',
      ]),
    );
    expect(problems).toHaveLength(4);
    expect(await count(db, 'accounts')).toBe(0);
    expect(await count(db, 'changes')).toBe(0);
  });

  it('rolls everything back when a write fails half way', async () => {
    // Fails the metrics upsert, after users, tiers and accounts were already written in the transaction.
    const failing = (inner: Db): Db => ({
      query: (sql, params) =>
        sql.includes('INSERT INTO metrics')
          ? Promise.reject(new Error('disk full'))
          : inner.query(sql, params),
      transaction: (fn) => inner.transaction((tx) => fn(failing(tx))),
      close: () => inner.close(),
    });
    await expect(importSnapshot(failing(db), smallSnapshot())).rejects.toThrow('disk full');
    expect(await count(db, 'users')).toBe(0);
    expect(await count(db, 'accounts')).toBe(0);
    expect(await count(db, 'changes')).toBe(0);
  });

  it('imports a valid snapshot, then upserts on re-import and accepts references to stored rows', async () => {
    const first = await importSnapshot(db, smallSnapshot());
    expect(first.counts.accounts).toEqual({ received: 8, changed: 8 });
    expect(first.counts.metrics).toEqual({ received: 16, changed: 16 });
    const h: Harness = await harness(db);
    const sync = newSync();
    await pull(h, 'lead', sync);

    // A partial snapshot: one changed account, one unchanged, one metric of a stored account.
    const second = await importSnapshot(db, {
      accounts: [account('a1', USERS.east.id, { name: 'Acme Renamed' }), account('a2', USERS.east.id)],
      metrics: [metric('w1', 'nps', 99)],
    });
    expect(second.counts.accounts).toEqual({ received: 2, changed: 1 });
    expect(second.counts.users).toEqual({ received: 0, changed: 0 });
    const changes = await pull(h, 'lead', sync);
    expect(changes.map((change) => `${change.type}:${change.id}`)).toEqual(['account:a1', 'metric:w1:nps']);
    expect(sync.cache.get('account:a1')).toMatchObject({ name: 'Acme Renamed' });
    expect(await count(db, 'accounts')).toBe(8);
    expect(idsOf(changes, 'account', 'delete')).toEqual([]);
  });

  it('creates the teams that users name and the snapshot does not list, and says so', async () => {
    const fresh = await backend.open();
    try {
      const snapshot = smallSnapshot();
      const summary = await importSnapshot(fresh, {
        ...snapshot,
        teams: [{ id: 'east', name: 'East coast' }],
      });
      expect(summary.createdTeams).toEqual(['west']);
      const rows = await fresh.query<{ data: { id: string; name: string } }>(
        'SELECT data FROM teams ORDER BY id',
      );
      expect(rows.map((row) => row.data)).toMatchObject([
        { id: 'east', name: 'East coast', source: 'cli' },
        { id: 'west', name: 'west', source: 'cli' },
      ]);
      expect((await importSnapshot(fresh, snapshot)).createdTeams).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('reports a file that is not JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'goal-lens-import-'));
    try {
      const file = join(dir, 'broken.json');
      await writeFile(file, '{"accounts": [');
      const problems = await problemsOf(loadSnapshotFile(file));
      expect(problems[0]).toMatch(/^\(file\): not valid JSON/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
