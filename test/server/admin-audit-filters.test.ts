import { describe, expect, it } from 'vitest';
import { adminCall, deleteIds, putItems } from './admin-client.ts';
import { BACKENDS } from './backends.ts';
import { metric, QBRS, USERS } from './fixtures.ts';
import { outcome, post, undo } from './outcome-client.ts';
import { testHarness } from './suite-harness.ts';

type Entry = { source: string; collection: string; op: string; actor: { id: string } | null };

describe.each(BACKENDS)('audit log filters on $name', (backend) => {
  const h = testHarness(backend);

  const audit = async (query: string) => {
    const response = await adminCall(h, 'admin', 'GET', `/v1/admin/audit?${query}`);
    return { status: response.status, body: await response.json() };
  };

  it('narrows the feed by person, path and collection, together and paged', async () => {
    await putItems(h, 'metrics', [metric('a1', 'nps', 12)]);
    await deleteIds(h, 'metrics', ['a1:p1']);
    await putItems(h, 'teams', [{ id: 'north', name: 'North' }]);

    const byPerson = (await audit(`actor=${USERS.admin.id}`)).body.entries as Entry[];
    expect(byPerson.map((e) => [e.collection, e.op])).toEqual([
      ['metrics', 'upsert'],
      ['metrics', 'delete'],
      ['teams', 'upsert'],
    ]);
    const byPath = (await audit('source=cli')).body.entries as Entry[];
    expect(byPath.length).toBeGreaterThan(0);
    expect(byPath.every((e) => e.source === 'cli' && e.actor === null)).toBe(true);
    const both = (await audit(`actor=${USERS.admin.id}&source=api&collection=metrics`)).body.entries;
    expect((both as Entry[]).map((e) => e.op)).toEqual(['upsert', 'delete']);

    const first = await audit(`collection=metrics&source=api&limit=1`);
    expect(first.body).toMatchObject({ hasMore: true, entries: [{ op: 'upsert' }] });
    const second = await audit(`collection=metrics&source=api&limit=1&cursor=${first.body.cursor}`);
    expect(second.body).toMatchObject({ hasMore: false, entries: [{ op: 'delete' }] });
  });

  it('names who moved a key result through an outcome, and who took it back', async () => {
    const logged = outcome('east');
    expect((await post(h, 'east', [logged])).results).toEqual([{ id: logged.id, status: 'applied' }]);
    expect((await post(h, 'east', [logged])).results).toEqual([{ id: logged.id, status: 'duplicate' }]);
    await undo(h, 'east', logged.id);
    const entries = (await audit('source=outcome')).body.entries as (Entry & { ids: string[] })[];
    expect(entries.map((e) => [e.actor?.id, e.collection, e.op, e.ids])).toEqual([
      [USERS.east.id, 'keyResults', 'upsert', [QBRS.id]],
      [USERS.east.id, 'keyResults', 'upsert', [QBRS.id]],
    ]);
  });

  it('names a filter it cannot use', async () => {
    const path = await audit('source=fax');
    expect(path.status).toBe(400);
    expect(path.body.error.message).toContain('source');
    const collection = await audit('collection=planets');
    expect(collection.status).toBe(400);
    expect(collection.body.error.message).toContain('collection');
  });
});
