import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readAccount } from '../../lib/cache/block-reader.ts';
import type { CacheDb } from '../../lib/cache/db.ts';
import { buildPanelView } from '../../lib/panel/build-view.ts';
import { createSyncEngine } from '../../lib/sync/engine.ts';
import { createToken, importSnapshot, type RunningServer, startServer } from '../../server/index.ts';
import { OUTBOX_SNAPSHOT, syncedCache } from '../fixtures/outbox-backend.ts';
import { BACKENDS } from '../server/backends.ts';

const ARCHIVED_AT = '2026-12-01T09:30:00.000Z';
const ADMIN = { id: 'u-admin', name: 'Ada Admin', email: 'ada@example.com', role: 'admin' as const };
/** Beside OUTBOX_SNAPSHOT's "Grow" (kr0–kr2), a second objective whose key result stays put. */
const SNAPSHOT = {
  ...OUTBOX_SNAPSHOT,
  users: [...OUTBOX_SNAPSHOT.users, ADMIN],
  objectives: [
    ...OUTBOX_SNAPSHOT.objectives,
    { id: 'o2', title: 'Keep', level: 'team' as const, periodStart: '2026-10-01', periodEnd: '2026-12-31' },
  ],
  keyResults: [
    ...OUTBOX_SNAPSHOT.keyResults,
    {
      ...(OUTBOX_SNAPSHOT.keyResults[0] as (typeof OUTBOX_SNAPSHOT.keyResults)[0]),
      id: 'kr9',
      objectiveId: 'o2',
    },
  ],
};

describe.each(BACKENDS)('archiving an objective ($name)', (backend) => {
  let server: RunningServer;
  let admin: string;
  let cache: CacheDb;

  const call = async (method: string, path: string, body?: string, type = 'application/json') => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${admin}`, 'Content-Type': type },
      ...(body === undefined ? {} : { body }),
    });
    return { status: response.status, text: await response.text() };
  };
  const objectivesById = async () => {
    const { text } = await call('GET', '/v1/admin/objectives');
    const items = (JSON.parse(text) as { items: { id: string; archivedAt?: string }[] }).items;
    return new Map(items.map((o) => [o.id, o]));
  };
  const panelObjectives = async () => {
    await createSyncEngine(cache).sync();
    const account = await readAccount(cache, 'a1');
    if (!account) throw new Error('account a1 is not cached');
    const view = await buildPanelView(cache, account, new Date('2026-11-15T00:00:00Z'), {
      fieldLabel: 'Tier',
    });
    return view.objectives.map((o) => [o.id, o.keyResults.map((kr) => kr.id)]);
  };
  const put = async (objective: object) =>
    call('PUT', '/v1/admin/objectives', JSON.stringify({ items: [objective] }));

  beforeAll(async () => {
    server = await startServer({ port: 0, db: await backend.open() });
    await importSnapshot(server.db, SNAPSHOT);
    admin = await createToken(server.db, ADMIN.email);
    cache = await syncedCache('archive', server.url, await createToken(server.db, 'lee@example.com'));
  });
  afterAll(async () => {
    await cache.delete();
    await server.close();
    await server.db.close();
  });

  test('the server keeps archivedAt, the CSV carries it, and the panel leaves the key results out until restored', async () => {
    const grow = OUTBOX_SNAPSHOT.objectives[0] as object;
    expect(await panelObjectives()).toEqual([
      ['o1', ['kr0', 'kr1', 'kr2']],
      ['o2', ['kr9']],
    ]);

    expect((await put({ ...grow, archivedAt: ARCHIVED_AT })).status).toBe(200);
    expect((await objectivesById()).get('o1')?.archivedAt).toBe(ARCHIVED_AT);
    expect(await panelObjectives()).toEqual([['o2', ['kr9']]]);

    // The export is the template: re-importing it changes nothing, archive moments included.
    const csv = await call('GET', '/v1/admin/export/objectives.csv');
    expect(csv.text.split(/\r?\n/)[0]).toContain('archivedAt');
    expect(csv.text).toContain(ARCHIVED_AT);
    const reimport = await call('POST', '/v1/admin/import/objectives?dryRun=true', csv.text, 'text/csv');
    expect(JSON.parse(reimport.text)).toMatchObject({ counts: { created: 0, updated: 0, unchanged: 2 } });

    // A bad moment is refused with its field named, and nothing changes.
    const bad = await put({ ...grow, archivedAt: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('archivedAt');

    expect((await put(grow)).status).toBe(200);
    expect((await objectivesById()).get('o1')?.archivedAt).toBeUndefined();
    expect(await panelObjectives()).toEqual([
      ['o1', ['kr0', 'kr1', 'kr2']],
      ['o2', ['kr9']],
    ]);
  });
});
