import { describe, expect, it } from 'vitest';
import { adminCall, countRows } from './admin-client.ts';
import { BACKENDS } from './backends.ts';
import { USERS } from './fixtures.ts';
import { suiteHarness } from './suite-harness.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests read response fields directly and assert on them.
type Json = any;

const tier = (id: string, name: string, arr: number) => ({
  id,
  name,
  rank: 5,
  criteria: { all: [{ field: 'arr', op: '>=', value: arr }] },
  benchmarks: [],
});

describe.each(BACKENDS)('two admins editing the same tier on $name', (backend) => {
  const h = suiteHarness(backend);

  async function put(body: unknown): Promise<{ status: number; body: Json }> {
    const response = await adminCall(h, 'admin', 'PUT', '/v1/admin/tiers', body);
    return { status: response.status, body: await response.json() };
  }
  async function readTier(id: string): Promise<Json> {
    const response = await adminCall(h, 'admin', 'GET', '/v1/admin/tiers');
    return ((await response.json()) as Json).items.find((t: { id: string }) => t.id === id);
  }

  it('the second save is told the tier changed since it was opened, and nothing is overwritten', async () => {
    await put({ items: [tier('tc', 'Growth', 1000)] });
    const opened = (await readTier('tc')).updatedAt as string;

    const first = await put({ items: [tier('tc', 'Growth', 2000)], expected: { tc: opened } });
    expect(first.status).toBe(200);
    const feedBefore = await countRows(h, 'SELECT max(seq) AS n FROM changes');

    const second = await put({ items: [tier('tc', 'Growth', 3000)], expected: { tc: opened } });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('changed_since_read');
    expect(second.body.error.message).toContain('"tc" was changed since you opened it');
    expect(second.body.error.details).toEqual([
      { id: 'tc', updatedAt: (await readTier('tc')).updatedAt, updatedBy: USERS.admin.id, deleted: false },
    ]);
    expect((await readTier('tc')).criteria.all[0].value).toBe(2000);
    expect(await countRows(h, 'SELECT max(seq) AS n FROM changes')).toBe(feedBefore);
  });

  it('a save with the version it read goes through; a tier deleted since is named as gone', async () => {
    const stale = await put({
      items: [tier('gone', 'Gone', 1)],
      expected: { gone: '2026-01-01T00:00:00.000Z' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual([
      { id: 'gone', updatedAt: null, updatedBy: null, deleted: true },
    ]);
    const fresh = await put({ items: [tier('tc2', 'New', 1)] });
    expect(fresh.status).toBe(200);
    const read = (await readTier('tc2')).updatedAt;
    expect((await put({ items: [tier('tc2', 'Newer', 1)], expected: { tc2: read } })).status).toBe(200);
  });

  it('refuses an expected version that is not a timestamp, naming it', async () => {
    const bad = await put({ items: [tier('tc3', 'X', 1)], expected: { tc3: 'yesterday' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('expected');
  });
});
