import { describe, expect, it } from 'vitest';
import { ADMIN_COLLECTION_NAMES } from '../../lib/schemas/index.ts';
import { adminCall, countRows, deleteIds, putItems } from './admin-client.ts';
import { BACKENDS } from './backends.ts';
import { idsOf, newSync, pull } from './feed-client.ts';
import { account, metric, USERS } from './fixtures.ts';
import { testHarness } from './suite-harness.ts';

/** Accounts as a pipeline sends them: no updatedAt, no provenance. */
function accountItem(id: string, arr: number) {
  const { updatedAt: _, ...item } = account(id, USERS.east.id, { attributes: { arr, segment: 'smb' } });
  return item;
}

describe.each(BACKENDS)('admin API on $name', (backend) => {
  const h = testHarness(backend);

  it('upserts a batch, and the same batch sent again is unchanged and writes no feed rows', async () => {
    const items = [accountItem('a1', 5000), accountItem('b1', 10)];
    const first = await putItems(h, 'accounts', items);
    expect(first).toEqual({
      status: 200,
      body: {
        results: [
          { id: 'a1', status: 'updated' },
          { id: 'b1', status: 'created' },
        ],
      },
    });
    const [stored] = await h.db.query<{ data: Record<string, unknown> }>(
      `SELECT data FROM accounts WHERE id = 'b1'`,
    );
    expect(stored?.data).toMatchObject({ source: 'api', updatedBy: USERS.admin.id });

    const feedBefore = await countRows(h, 'SELECT max(seq) AS n FROM changes');
    const second = await putItems(h, 'accounts', items);
    expect(second.body.results.map((r: { status: string }) => r.status)).toEqual(['unchanged', 'unchanged']);
    expect(await countRows(h, 'SELECT max(seq) AS n FROM changes')).toBe(feedBefore);
  });

  it('never takes provenance from the writer', async () => {
    const item = {
      ...accountItem('b2', 1),
      source: 'csv',
      updatedBy: 'someone-else',
      updatedAt: '2000-01-01T00:00:00Z',
    };
    expect((await putItems(h, 'accounts', [item])).status).toBe(200);
    const [stored] = await h.db.query<{ data: Record<string, unknown> }>(
      `SELECT data FROM accounts WHERE id = 'b2'`,
    );
    expect(stored?.data).toMatchObject({ source: 'api', updatedBy: USERS.admin.id });
    expect(stored?.data.updatedAt).not.toBe('2000-01-01T00:00:00Z');
  });

  it('answers 400 naming every bad item, and writes nothing', async () => {
    const feedBefore = await countRows(h, 'SELECT max(seq) AS n FROM changes');
    const { status, body } = await putItems(h, 'accounts', [
      accountItem('c1', 1),
      { ...accountItem('c2', 1), tierId: 'no-such-tier' },
      { ...accountItem('c3', 1), attributes: { arr: null } },
      accountItem('c1', 2),
    ]);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_items');
    expect(body.error.details).toEqual([
      { index: 1, path: 'tierId', message: 'unknown tier "no-such-tier"' },
      { index: 2, path: 'attributes.arr', message: 'expected number, string or boolean, received null' },
      { index: 3, path: 'id', message: 'duplicate of item 0 (c1)' },
    ]);
    expect(await countRows(h, `SELECT count(*) AS n FROM accounts WHERE id LIKE 'c%'`)).toBe(0);
    expect(await countRows(h, 'SELECT max(seq) AS n FROM changes')).toBe(feedBefore);
  });

  it('a dry run reports what would happen and writes nothing', async () => {
    const { body } = await putItems(h, 'accounts', [accountItem('d1', 1)], '?dryRun=true');
    expect(body.results).toEqual([{ id: 'd1', status: 'created' }]);
    expect(await countRows(h, `SELECT count(*) AS n FROM accounts WHERE id = 'd1'`)).toBe(0);
  });

  it('deletes leave tombstones in the feed', async () => {
    const sync = newSync();
    await pull(h, 'lead', sync);
    expect((await deleteIds(h, 'metrics', ['a2:nps', 'a2:p1'])).status).toBe(200);
    const { status, body } = await deleteIds(h, 'accounts', ['a2', 'nope']);
    expect(status).toBe(200);
    expect(body.results).toEqual([
      { id: 'a2', status: 'deleted' },
      { id: 'nope', status: 'not_found' },
    ]);
    const changes = await pull(h, 'lead', sync);
    expect(idsOf(changes, 'account', 'delete')).toEqual(['a2']);
    expect(idsOf(changes, 'metric', 'delete')).toEqual(['a2:nps', 'a2:p1']);
    expect(sync.cache.has('account:a2')).toBe(false);
  });

  it('refuses with 409 to delete what others still refer to, naming them, and deletes nothing', async () => {
    const tier = await deleteIds(h, 'tiers', ['t1']);
    expect(tier.status).toBe(409);
    expect(tier.body.error.code).toBe('still_referenced');
    expect(tier.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 't1', collection: 'accounts', field: 'tierId', count: 8 }),
        { id: 't1', collection: 'keyResults', field: 'scope.tierIds', ids: ['k1'], count: 1 },
      ]),
    );
    const objective = await deleteIds(h, 'objectives', ['o1']);
    expect(objective.body.error.details).toEqual([
      { id: 'o1', collection: 'keyResults', field: 'objectiveId', ids: ['k1'], count: 1 },
    ]);
    const withMetrics = await deleteIds(h, 'accounts', ['a1']);
    expect(withMetrics.body.error.details).toEqual([
      { id: 'a1', collection: 'metrics', field: 'accountId', ids: ['a1:nps', 'a1:p1'], count: 2 },
    ]);
    const definition = await deleteIds(h, 'metricDefinitions', ['nps']);
    expect(definition.status).toBe(409);
    expect(await countRows(h, `SELECT count(*) AS n FROM tiers`)).toBe(1);
    expect(await countRows(h, `SELECT count(*) AS n FROM accounts WHERE id = 'a1'`)).toBe(1);
  });

  it('answers 403 to every other role on every admin route, and 401 without a token', async () => {
    const routes: [string, string, unknown][] = [['GET', '/v1/admin/audit', undefined]];
    for (const collection of ADMIN_COLLECTION_NAMES) {
      routes.push(['PUT', `/v1/admin/${collection}`, { items: [] }]);
      routes.push(['POST', `/v1/admin/${collection}/delete`, { ids: ['x'] }]);
    }
    for (const who of ['lead', 'east', 'eastRep'] as const) {
      for (const [method, path, body] of routes) {
        const response = await adminCall(h, who, method, path, body);
        expect({ who, method, path, status: response.status }).toEqual({ who, method, path, status: 403 });
        expect((await response.json()).error.message).toContain('for admins');
      }
    }
    expect((await h.app.request('/v1/admin/audit')).status).toBe(401);
  });

  it('answers 404 with the list of collections for an unknown one', async () => {
    const { status, body } = await putItems(h, 'widgets', []);
    expect(status).toBe(404);
    expect(body.error.details.collections).toEqual(ADMIN_COLLECTION_NAMES);
  });

  it('records each change in the audit feed with who, when, path and ids, paged by cursor', async () => {
    const started = Date.now();
    await putItems(h, 'metrics', [{ ...metric('a1', 'nps', 55) }]);
    await putItems(h, 'metrics', [{ ...metric('a1', 'nps', 55) }]); // unchanged: not an audit entry
    await deleteIds(h, 'metrics', ['a1:p1']);

    const entries: {
      actor: unknown;
      source: string;
      collection: string;
      op: string;
      ids: string[];
      at: string;
    }[] = [];
    let cursor = '';
    for (;;) {
      const response = await adminCall(h, 'admin', 'GET', `/v1/admin/audit?limit=2&cursor=${cursor}`);
      const page = await response.json();
      entries.push(...page.entries);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const mine = entries.filter((entry) => entry.source === 'api');
    expect(mine.map(({ at: _, ...rest }) => rest)).toEqual([
      {
        actor: { id: USERS.admin.id, name: USERS.admin.name },
        source: 'api',
        collection: 'metrics',
        op: 'upsert',
        ids: ['a1:nps'],
      },
      {
        actor: { id: USERS.admin.id, name: USERS.admin.name },
        source: 'api',
        collection: 'metrics',
        op: 'delete',
        ids: ['a1:p1'],
      },
    ]);
    expect(Date.parse(mine[0]?.at ?? '')).toBeGreaterThanOrEqual(started - 1000);
    // The import that built the fixture is there too, from the command line.
    expect(entries[0]).toMatchObject({ actor: null, source: 'cli' });

    const after = await adminCall(h, 'admin', 'GET', `/v1/admin/audit?cursor=${cursor}`);
    expect((await after.json()).entries).toEqual([]);
  });
});
