import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createBackendClient, type FetchFn } from '../../lib/backend/client.ts';
import { readAccount } from '../../lib/cache/block-reader.ts';
import { flushOutbox } from '../../lib/outbox/flush.ts';
import { logOutcome, undoOutcome } from '../../lib/outbox/log.ts';
import { buildPanelView } from '../../lib/panel/build-view.ts';
import { createToken, importSnapshot, type RunningServer, startServer } from '../../server/index.ts';
import {
  liveOutcomeIds,
  OUTBOX_SNAPSHOT,
  pendingDeltas,
  serverCurrents,
  syncedCache,
} from '../fixtures/outbox-backend.ts';
import { BACKENDS } from '../server/backends.ts';

const REFUSALS = [
  [403, 'forbidden', 'Only the person who logged this outcome, or an admin, can undo it.'],
  [404, 'not_found', 'No such outcome.'],
  [422, 'out_of_range', 'Undoing this outcome would move its key result out of range.'],
] as const;

/** The real backend, except that it refuses every undo as `status` would. */
function refusingUndo(status: number, code: string, message: string): FetchFn {
  return async (input, init) =>
    init?.method === 'DELETE'
      ? new Response(JSON.stringify({ error: { code, message } }), { status })
      : fetch(input, init);
}

describe.each(BACKENDS)('a refused undo ($name)', (backend) => {
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    server = await startServer({ port: 0, db: await backend.open() });
    await importSnapshot(server.db, OUTBOX_SNAPSHOT);
    token = await createToken(server.db, 'lee@example.com');
  });
  afterAll(async () => {
    await server.close();
    await server.db.close();
  });

  test.each(REFUSALS)(
    '%i is shown with its reason, and the key result shows the backend’s value',
    async (status, code, message) => {
      const cache = await syncedCache(`undo-${status}`, server.url, token);
      try {
        const api = createBackendClient(server.url, token, refusingUndo(status, code, message));
        const kept = await logOutcome(cache, { keyResultId: 'kr1', accountId: 'a1' }, 'u-lead', new Date());
        const other = await logOutcome(cache, { keyResultId: 'kr0', accountId: 'a1' }, 'u-lead', new Date());
        await flushOutbox(cache, api);
        const applied = (await serverCurrents(server.db)).get('kr1');
        await undoOutcome(cache, kept);
        await undoOutcome(cache, other);
        expect(pendingDeltas(await cache.outbox.toArray()).get('kr1')).toBe(-5);

        const result = await flushOutbox(cache, api);

        expect(result.refusedUndos).toBe(2);
        expect(await liveOutcomeIds(server.db)).toContain(kept.id);
        const rows = await cache.outbox.toArray();
        expect(rows.find((row) => row.id === kept.id)).toMatchObject({ status: 'rejected', undo: true });
        expect(pendingDeltas(rows).get('kr1')).toBeUndefined();
        expect((await cache.keyResults.get('kr1'))?.current).toBe(applied);

        const account = await readAccount(cache, 'a1');
        if (!account) throw new Error('account a1 is not cached');
        const view = await buildPanelView(cache, account, new Date(), { fieldLabel: 'Tier' });
        const kr1 = view.objectives.flatMap((o) => o.keyResults).find((kr) => kr.id === 'kr1');
        expect(kr1?.current).toBe(applied);
        const entry = view.outbox.find((e) => e.id === kept.id);
        expect(entry?.state).toBe('undo_refused');
        expect(entry?.reason).toContain(message);
      } finally {
        await cache.delete();
      }
    },
  );
});
