import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/open.ts';
import { importSnapshot } from '../../server/import.ts';
import { redeemInvitation } from '../../server/signin/invitations.ts';
import { smallSnapshot, USERS } from './fixtures.ts';

const run = promisify(execFile);

async function cli(...args: string[]) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run(join('node_modules', '.bin', 'tsx'), ['server/cli.ts', ...args], {
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    return error as { code: number; stdout: string; stderr: string };
  }
}

describe('sign-in on the command line', { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'goal-lens-invite-'));
    const db = await openDb({ kind: 'dir', dir });
    await importSnapshot(db, smallSnapshot());
    await db.close();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints a one-time invitation link on the last line', async () => {
    const result = await cli(
      'invite',
      '--email',
      USERS.east.email,
      '--public-url',
      'https://goals.example.com/',
      '--data',
      dir,
    );
    expect(result.code).toBe(0);
    const link = result.stdout.trim().split('\n').at(-1) ?? '';
    expect(link).toMatch(/^https:\/\/goals\.example\.com\/auth\/invite\/[A-Za-z0-9_-]{43}$/);

    const db = await openDb({ kind: 'dir', dir });
    try {
      const secret = link.split('/').at(-1) ?? '';
      expect(await redeemInvitation(db, secret, Date.now())).toBe(USERS.east.id);
      expect(await redeemInvitation(db, secret, Date.now())).toBeNull();
    } finally {
      await db.close();
    }
  });

  it.each([
    [['invite'], 'invite needs --email'],
    [['start', '--oidc-issuer', 'https://idp.example.com'], 'needs all of --oidc-issuer'],
    [['start', '--redirect-uri', 'http://evil.example/cb'], 'must use https'],
  ])('exits 2 for %j', async (args, message) => {
    const result = await cli(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
