import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, userForToken } from '../../server/auth/tokens.ts';
import { openDb } from '../../server/db/open.ts';
import { createSession, listSessions } from '../../server/sessions/sessions.ts';
import { smallSnapshot, USERS } from './fixtures.ts';

const run = promisify(execFile);
const TSX = join('node_modules', '.bin', 'tsx');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as `npm run server` would, against embedded storage (DATABASE_URL unset). */
async function cli(...args: string[]): Promise<Result> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run(TSX, ['server/cli.ts', ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// Each call starts a Node process that opens embedded Postgres: seconds each on a busy machine.
describe('command line', { timeout: 120_000 }, () => {
  let dir: string;
  let data: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'goal-lens-cli-'));
    data = join(dir, 'data');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses a bad snapshot, naming the rows, and imports a good one', async () => {
    const bad = smallSnapshot() as unknown as { accounts: { tierId: unknown }[] };
    (bad.accounts[1] as { tierId: unknown }).tierId = 42;
    await writeFile(join(dir, 'bad.json'), JSON.stringify(bad));
    const refused = await cli('import', join(dir, 'bad.json'), '--data', data);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Nothing was imported');
    expect(refused.stderr).toContain('accounts[1].tierId: expected string, received number');

    await writeFile(join(dir, 'good.json'), JSON.stringify(smallSnapshot()));
    const imported = await cli('import', join(dir, 'good.json'), '--data', data);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/accounts\s+8 rows, 8 new or changed/);
  });

  it('imports a CSV file into a collection, with a dry run first, and refuses one with problems', async () => {
    const csv = join('test', 'fixtures', 'csv', 'salesforce-accounts.csv');
    const dry = await cli('import', csv, '--collection', 'accounts', '--dry-run', '--data', data);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Ignored columns: Last Modified Date');
    expect(dry.stdout).toContain(
      'Dry run, nothing written: would create 4, update 0, 0 unchanged (accounts).',
    );

    const mapped = await cli(
      'import',
      csv,
      '--collection',
      'accounts',
      '--map',
      '{"Last Modified Date":null,"Annual Revenue":"attr.arr","ARR":null}',
      '--data',
      data,
    );
    expect(mapped.code).toBe(0);
    expect(mapped.stdout).toContain('Created 4, updated 0, 0 unchanged (accounts).');
    const db = await openDb({ kind: 'dir', dir: data });
    try {
      const [row] = await db.query<{
        data: { attributes: { arr: number }; source: string; updatedBy?: string };
      }>(`SELECT data FROM accounts WHERE id = 'salesforce-001Wj00000tQWvrIAG'`);
      expect(row?.data).toMatchObject({ attributes: { arr: 1_250_000 }, source: 'cli' });
      expect(row?.data.updatedBy).toBeUndefined();
    } finally {
      await db.close();
    }

    const bad = join('test', 'fixtures', 'csv', 'bad', 'unknown-owner.csv');
    const refused = await cli('import', bad, '--collection', 'accounts', '--data', data);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Nothing was imported: 1 problem(s)');
    expect(refused.stderr).toContain(
      'line 3, column "Account Owner": no user has the email "nobody@example.com"',
    );
  });

  it('creates a token shown alone on the last line', async () => {
    const created = await cli('token', 'create', '--email', USERS.lead.email, '--data', data);
    expect(created.code).toBe(0);
    const token = created.stdout.trim().split('\n').at(-1) ?? '';
    expect(token).toMatch(/^glk_[A-Za-z0-9_-]+$/);

    const db = await openDb({ kind: 'dir', dir: data });
    try {
      expect((await userForToken(db, token))?.id).toBe(USERS.lead.id);
    } finally {
      await db.close();
    }
    const unknown = await cli('token', 'create', '--email', 'nobody@example.com', '--data', data);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no user with email nobody@example.com');
  });

  it('deactivates a person by hand: their devices are signed out and their tokens stop', async () => {
    let db = await openDb({ kind: 'dir', dir: data });
    const token = await createToken(db, USERS.east.email);
    await createSession(db, USERS.east.id, 'Chrome on Windows');
    await db.close();

    const done = await cli('deactivate', '--email', USERS.east.email.toUpperCase(), '--data', data);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('1 signed-in device(s) signed out, API tokens stopped');
    db = await openDb({ kind: 'dir', dir: data });
    try {
      expect(await userForToken(db, token)).toBeNull();
      expect(await listSessions(db, USERS.east.id)).toEqual([]);
    } finally {
      await db.close();
    }
    const unknown = await cli('deactivate', '--email', 'nobody@example.com', '--data', data);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no user with email nobody@example.com; nobody was deactivated');
    const missing = await cli('deactivate', '--data', data);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('deactivate needs --email <email>');
  });

  it('prunes tombstones', async () => {
    const pruned = await cli('prune-tombstones', '--older-than', '7', '--data', data);
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toContain('Pruned 0 tombstone(s) older than 7 day(s)');
  });

  it.each([
    [['frobnicate']],
    [['token', 'create']],
    [['prune-tombstones']],
    [['start', '--port', 'eighty']],
    [['import', '--bogus']],
    [['import', 'accounts.csv']],
    [['import', 'accounts.csv', '--collection', 'planets']],
    [['import', 'accounts.csv', '--collection', 'accounts', '--map', '[1]']],
  ])('exits 2 with usage for %j', async (args) => {
    const result = await cli(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: npm run server');
  });
});
