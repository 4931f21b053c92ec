import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeStorage, resolveStorage, UsageError } from '../../server/cli/storage.ts';
import { migrate } from '../../server/db/migrate.ts';
import { MIGRATIONS } from '../../server/db/migrations.ts';
import { openDb } from '../../server/db/open.ts';
import type { Db } from '../../server/db/types.ts';
import { readFeedMeta } from '../../server/feed/meta.ts';
import { importSnapshot } from '../../server/import.ts';
import { BACKENDS } from './backends.ts';
import { smallSnapshot } from './fixtures.ts';

describe.each(BACKENDS)('migrations on $name', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(() => db.close());

  it('records each migration once and skips it on the next start', async () => {
    const rows = await db.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
  });

  it('gives the database a random epoch and a zero tombstone horizon', async () => {
    const meta = await readFeedMeta(db);
    expect(meta.epoch).toMatch(/^[0-9a-f-]{36}$/);
    expect(meta.tombstoneHorizon).toBe(0);
  });

  it('rolls a failing transaction back', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO meta (key, value) VALUES ('probe', '1')`);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.query(`SELECT value FROM meta WHERE key = 'probe'`)).toEqual([]);
  });
});

describe('embedded storage in a folder', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'goal-lens-data-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps data and epoch across restarts, and refuses a second opener meanwhile', async () => {
    const first = await openDb({ kind: 'dir', dir });
    const { epoch } = await readFeedMeta(first);
    await importSnapshot(first, smallSnapshot());
    await expect(openDb({ kind: 'dir', dir })).rejects.toThrow(/in use by process/);
    await first.close();

    const second = await openDb({ kind: 'dir', dir });
    try {
      expect((await readFeedMeta(second)).epoch).toBe(epoch);
      expect(await second.query('SELECT id FROM accounts ORDER BY id LIMIT 2')).toEqual([
        { id: 'a1' },
        { id: 'a2' },
      ]);
    } finally {
      await second.close();
    }
  });
});

describe('storage choice', () => {
  const ignore = () => {};

  it('prefers DATABASE_URL, then --memory, then --data, then the default folder', () => {
    const url = 'postgres://u:secret@db.internal:5432/goal';
    expect(resolveStorage({ DATABASE_URL: url }, { data: 'x' }, true, ignore)).toEqual({
      kind: 'postgres',
      url,
    });
    expect(resolveStorage({}, { memory: true }, true, ignore)).toEqual({ kind: 'memory' });
    expect(resolveStorage({}, { data: 'here' }, false, ignore)).toEqual({ kind: 'dir', dir: 'here' });
    expect(resolveStorage({}, {}, false, ignore)).toEqual({ kind: 'dir', dir: '.goal-lens-data' });
    expect(describeStorage({ kind: 'postgres', url })).not.toContain('secret');
  });

  it('rejects contradictory or misplaced flags', () => {
    expect(() => resolveStorage({}, { memory: true, data: 'x' }, true, ignore)).toThrow(UsageError);
    expect(() => resolveStorage({}, { memory: true }, false, ignore)).toThrow(UsageError);
    expect(() => resolveStorage({ DATABASE_URL: 'mysql://x' }, {}, false, ignore)).toThrow(UsageError);
  });
});
