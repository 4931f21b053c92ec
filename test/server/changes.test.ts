import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError, ChangesResponse } from '../../lib/schemas/index.ts';
import { decodeCursor, encodeCursor } from '../../server/feed/cursor.ts';
import { importSnapshot } from '../../server/import.ts';
import { putEntities } from '../../server/store/put.ts';
import { BACKENDS } from './backends.ts';
import { idsOf, newSync, pull } from './feed-client.ts';
import { account, metric, smallSnapshot } from './fixtures.ts';
import { suiteHarness } from './suite-harness.ts';

/** 2 teams (created from the users' teamIds), 6 users, 1 tier, 1 objective, 1 KR, 2 definitions, 8 accounts, 16 metrics. */
const TOTAL_ROWS = 37;

describe.each(BACKENDS)('change feed on $name', (backend) => {
  const h = suiteHarness(backend);

  const key = (change: { type: string; id: string }) => `${change.type}:${change.id}`;

  it('pages through the whole current state without loss, duplicates or reordering', async () => {
    const sync = newSync();
    const changes = await pull(h, 'lead', sync, 5);
    expect(sync.pages).toBe(Math.ceil(TOTAL_ROWS / 5));
    expect(changes).toHaveLength(TOTAL_ROWS);
    expect(new Set(changes.map(key)).size).toBe(TOTAL_ROWS);
    expect(changes.every((change) => change.op === 'put')).toBe(true);
    expect(idsOf(changes, 'team')).toEqual(['east', 'west']);
    expect(idsOf(changes, 'account')).toEqual(['a1', 'a2', 'a3', 'a4', 'n1', 'w1', 'w2', 'w3']);
    expect(idsOf(changes, 'metric')).toContain('a1:nps');
    // Referenced entities come first: users before accounts, accounts before their metrics.
    const position = (k: string) => changes.findIndex((change) => key(change) === k);
    expect(position('team:east')).toBeLessThan(position('user:u-east'));
    expect(position('user:u-east')).toBeLessThan(position('account:a1'));
    expect(position('account:a1')).toBeLessThan(position('metric:a1:nps'));

    const again = await pull(h, 'lead', newSync(), 1000);
    expect(again.map(key)).toEqual(changes.map(key));
  });

  it('gives the same sequence whatever the page size', async () => {
    const whole = (await pull(h, 'lead', newSync(), 5000)).map(key);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }), async (limit) => {
        const paged = (await pull(h, 'lead', newSync(), limit)).map(key);
        expect(paged).toEqual(whole);
      }),
      { numRuns: 12 },
    );
  });

  it('sends updates after the cursor, and nothing for an identical re-import', async () => {
    const sync = newSync();
    await pull(h, 'lead', sync);
    expect(await pull(h, 'lead', sync)).toEqual([]);

    const summary = await importSnapshot(h.db, smallSnapshot());
    expect(Object.values(summary.counts).every((count) => count.changed === 0)).toBe(true);
    expect(await pull(h, 'lead', sync)).toEqual([]);

    await putEntities(h.db, 'account', [account('a1', 'u-east', { name: 'Renamed Inc.' })]);
    await putEntities(h.db, 'metric', [metric('a3', 'nps', 55)]);
    const changes = await pull(h, 'lead', sync);
    expect(changes.map(key)).toEqual(['account:a1', 'metric:a3:nps']);
    expect(sync.cache.get('account:a1')).toMatchObject({ id: 'a1', name: 'Renamed Inc.' });
    expect(sync.cache.get('metric:a3:nps')).toMatchObject({ value: 55 });
  });

  it('keeps handing out a usable cursor when there is nothing new', async () => {
    const sync = newSync();
    await pull(h, 'lead', sync);
    const first = sync.cursor;
    await pull(h, 'lead', sync);
    expect(sync.cursor).toBe(first);
    expect(await pull(h, 'lead', sync)).toEqual([]);
  });

  it('moves a quiet client past changes it cannot see', async () => {
    const east = newSync();
    await pull(h, 'east', east);
    const before = decodeCursor(east.cursor ?? '')?.seq ?? -1;
    await putEntities(h.db, 'account', [account('w2', 'u-west', { name: 'West only' })]);
    expect(await pull(h, 'east', east)).toEqual([]);
    expect(decodeCursor(east.cursor ?? '')?.seq).toBeGreaterThan(before);
  });

  it('rejects malformed cursors with 400', async () => {
    const bad = [
      'not a cursor!',
      Buffer.from('hello').toString('base64url'),
      Buffer.from(JSON.stringify({ epoch: 'x', seq: -1 })).toString('base64url'),
      Buffer.from(JSON.stringify({ epoch: 'x' })).toString('base64url'),
    ];
    for (const cursor of bad) {
      const response = await h.get(`/v1/changes?cursor=${encodeURIComponent(cursor)}`);
      expect(response.status).toBe(400);
      expect(ApiError.parse(await response.json()).error.code).toBe('invalid_cursor');
    }
  });

  it('answers 410 for a cursor from another database', async () => {
    const foreign = encodeCursor({ epoch: 'another-database', seq: 1, scope: 'all', horizon: 0 });
    const response = await h.get(`/v1/changes?cursor=${foreign}`);
    expect(response.status).toBe(410);
    expect(ApiError.parse(await response.json()).error.code).toBe('cursor_expired');
  });

  it('treats empty cursor and limit parameters as absent', async () => {
    const response = await h.get('/v1/changes?cursor=&limit=');
    expect(response.status).toBe(200);
    expect(ChangesResponse.parse(await response.json()).changes.length).toBeGreaterThan(0);
  });
});
