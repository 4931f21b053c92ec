import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/schemas/index.ts';
import { pruneTombstones } from '../../server/feed/prune.ts';
import { deleteEntities } from '../../server/store/delete.ts';
import { BACKENDS } from './backends.ts';
import { idsOf, newSync, pull } from './feed-client.ts';
import { suiteHarness } from './suite-harness.ts';

describe.each(BACKENDS)('tombstones on $name', (backend) => {
  const h = suiteHarness(backend);

  it('turns deletes into tombstones, for the account and its metrics', async () => {
    const sync = newSync();
    await pull(h, 'lead', sync);
    expect(sync.cache.has('account:a2')).toBe(true);

    expect(await deleteEntities(h.db, 'account', ['a2', 'missing'])).toEqual(['a2']);
    const changes = await pull(h, 'lead', sync);
    expect(idsOf(changes, 'account', 'delete')).toEqual(['a2']);
    expect(idsOf(changes, 'metric', 'delete')).toEqual(['a2:nps', 'a2:p1']);
    expect(
      changes.filter((change) => change.op === 'delete').every((change) => change.data === undefined),
    ).toBe(true);
    expect([...sync.cache.keys()].filter((k) => k.includes('a2'))).toEqual([]);

    // The compacted feed read from scratch no longer holds a put for the deleted account.
    const fresh = await pull(h, 'lead', newSync());
    expect(idsOf(fresh, 'account')).not.toContain('a2');
    expect(idsOf(fresh, 'account', 'delete')).toEqual(['a2']);
  });

  it('expires cursors that predate pruned tombstones with 410, and only those', async () => {
    const behind = newSync();
    await pull(h, 'lead', behind);
    await deleteEntities(h.db, 'account', ['a3']);
    const current = newSync();
    await pull(h, 'lead', current);

    // Not old enough yet: nothing is pruned and every cursor still works.
    expect((await pruneTombstones(h.db, 30)).deleted).toBe(0);
    expect((await h.get(`/v1/changes?cursor=${behind.cursor}`)).status).toBe(200);

    const pruned = await pruneTombstones(h.db, 0);
    expect(pruned.deleted).toBeGreaterThanOrEqual(3);
    const response = await h.get(`/v1/changes?cursor=${behind.cursor}`);
    expect(response.status).toBe(410);
    expect(ApiError.parse(await response.json()).error.code).toBe('cursor_expired');

    // A client that had already seen the tombstones, and a client starting over, carry on.
    expect((await h.get(`/v1/changes?cursor=${current.cursor}`)).status).toBe(200);
    const fresh = await pull(h, 'lead', newSync());
    expect(fresh.some((change) => change.op === 'delete')).toBe(false);
    expect(idsOf(fresh, 'account')).toEqual(['a1', 'a4', 'n1', 'w1', 'w2', 'w3']);
  });
});
