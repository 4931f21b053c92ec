import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createBackendClient, type FetchFn } from '../../lib/backend/client.ts';
import type { CacheDb } from '../../lib/cache/db.ts';
import { flushOutbox, MAX_ATTEMPTS } from '../../lib/outbox/flush.ts';
import { addNote, logOutcome, undoOutcome } from '../../lib/outbox/log.ts';
import { newOutboxRow } from '../../lib/outbox/types.ts';
import type { Outcome } from '../../lib/schemas/entities.ts';
import {
  createApp,
  createToken,
  importSnapshot,
  type RunningServer,
  startServer,
} from '../../server/index.ts';
import {
  liveOutcomeIds,
  OUTBOX_SNAPSHOT,
  pendingDeltas,
  serverCurrents,
  syncedCache,
} from '../fixtures/outbox-backend.ts';
import { BACKENDS } from '../server/backends.ts';

const NUL = '\u0000';
const LONE_SURROGATE = 'broken \ud83d emoji';

/** The real backend, except that requests mentioning `id` get what `fault` says. */
function failingFor(id: () => string, fault: 'server_error' | 'connection_reset'): FetchFn {
  return async (input, init) => {
    if (typeof init?.body === 'string' && init.body.includes(id())) {
      if (fault === 'connection_reset') throw new TypeError('network connection was lost');
      return new Response(
        JSON.stringify({ error: { code: 'internal', message: 'Internal server error.' } }),
        {
          status: 500,
        },
      );
    }
    return fetch(input, init);
  };
}

/** Flushes until nothing is thrown, as the scheduler's retries would; returns how many flushes it took. */
async function flushUntilQuiet(cache: CacheDb, api: Parameters<typeof flushOutbox>[1]): Promise<number> {
  for (let flushes = 1; flushes <= MAX_ATTEMPTS + 2; flushes++) {
    const failed = await flushOutbox(cache, api).then(
      () => false,
      () => true,
    );
    if (!failed) return flushes;
  }
  throw new Error('the outbox never settled');
}

describe.each(BACKENDS)('an outbox that never blocks ($name)', (backend) => {
  let server: RunningServer;
  let token: string;
  const log = (cache: CacheDb, kr: string, account = 'a1', note?: string) =>
    logOutcome(
      cache,
      { keyResultId: kr, accountId: account, ...(note ? { note } : {}) },
      'u-lead',
      new Date(),
    );

  beforeAll(async () => {
    server = await startServer({ port: 0, db: await backend.open() });
    await importSnapshot(server.db, OUTBOX_SNAPSHOT);
    token = await createToken(server.db, 'lee@example.com');
  });
  afterAll(async () => {
    await server.close();
    await server.db.close();
  });

  test.each([
    [NUL, /note: contains a NUL character/],
    [LONE_SURROGATE, /note: contains half of a surrogate pair/],
  ])(
    'a note the backend cannot store is refused with its reason, and nothing is queued',
    async (note, reason) => {
      const cache = await syncedCache('poisoned-log', server.url, token);
      try {
        await expect(log(cache, 'kr0', 'a1', `call went well ${note}`)).rejects.toThrow(reason);
        expect(await cache.outbox.count()).toBe(0);

        const outcome = await log(cache, 'kr0');
        await expect(addNote(cache, outcome.id, `after ${note}`, new Date())).rejects.toThrow(reason);
        expect((await cache.outbox.toArray()).map((row) => row.outcome)).toEqual([outcome]);
      } finally {
        await cache.delete();
      }
    },
  );

  test.each([
    [0.5, /delta: must be a whole number on a count key result/],
    [5000, /delta: more than 10 times the key result's span/],
  ])(
    'a one-click delta of %s that the backend would refuse is refused with its reason, and nothing is queued',
    async (delta, reason) => {
      const cache = await syncedCache('bad-delta', server.url, token);
      try {
        await cache.keyResults.update('kr0', { quickLog: { label: 'bad', delta } });
        await expect(log(cache, 'kr0')).rejects.toThrow(reason);
        expect(await cache.outbox.count()).toBe(0);
      } finally {
        await cache.delete();
      }
    },
  );

  test('a poisoned row already queued is rejected with its reason; the rows after it are delivered', async () => {
    const cache = await syncedCache('poisoned-row', server.url, token);
    try {
      const before = await serverCurrents(server.db);
      const first = await log(cache, 'kr1');
      // As an earlier version of the extension queued it, before notes were checked.
      const poisoned: Outcome = { ...first, id: crypto.randomUUID(), note: `bad ${NUL} note` };
      await cache.outbox.add(newOutboxRow(poisoned, new Date()));
      const after = [await log(cache, 'kr1'), await log(cache, 'kr1', 'a2'), await log(cache, 'kr0')];

      await flushOutbox(cache, createBackendClient(server.url, token));

      const live = await liveOutcomeIds(server.db);
      for (const outcome of [first, ...after]) expect(live).toContain(outcome.id);
      expect(live).not.toContain(poisoned.id);
      expect((await serverCurrents(server.db)).get('kr1')).toBe((before.get('kr1') ?? 0) + 15);
      const rows = await cache.outbox.toArray();
      expect(rows.map((row) => [row.id, row.status])).toEqual([[poisoned.id, 'rejected']]);
      expect(rows[0]?.reason).toMatch(/note: contains a NUL character/);
    } finally {
      await cache.delete();
    }
  });

  test.each(['server_error', 'connection_reset'] as const)(
    'one outcome the backend fails on (%s) is isolated: every other outcome and undo is delivered',
    async (fault) => {
      const cache = await syncedCache(`isolate-${fault}`, server.url, token);
      let poisonId = '';
      try {
        const before = await serverCurrents(server.db);
        const api = createBackendClient(
          server.url,
          token,
          failingFor(() => poisonId, fault),
        );
        const first = await log(cache, 'kr1');
        const poison = await log(cache, 'kr1');
        poisonId = poison.id;
        const after = [await log(cache, 'kr1', 'a2'), await log(cache, 'kr0'), await log(cache, 'kr2')];
        // Undone after a delivery was attempted, so the undo has to reach the backend too.
        await flushOutbox(cache, api).catch(() => undefined);
        const undone = await log(cache, 'kr0', 'a2');
        await flushOutbox(cache, api).catch(() => undefined);
        await undoOutcome(cache, undone);

        const flushes = await flushUntilQuiet(cache, api);

        expect(flushes).toBeLessThanOrEqual(MAX_ATTEMPTS);
        const live = await liveOutcomeIds(server.db);
        for (const outcome of [first, ...after]) expect(live).toContain(outcome.id);
        expect(live).not.toContain(undone.id);
        expect(live).not.toContain(poison.id);
        const currents = await serverCurrents(server.db);
        expect(currents.get('kr1')).toBe((before.get('kr1') ?? 0) + 10);
        expect(currents.get('kr0')).toBe((before.get('kr0') ?? 0) + 1);
        const rows = await cache.outbox.toArray();
        expect(rows.map((row) => [row.id, row.status])).toEqual([[poison.id, 'rejected']]);
        expect(rows[0]?.reason).toMatch(new RegExp(`failed on it ${MAX_ATTEMPTS} times`));
        expect(pendingDeltas(rows).size).toBe(0);
        // Settled for good: later flushes neither resend it nor fail on it.
        expect((await flushOutbox(cache, api)).settled).toBe(0);
      } finally {
        await cache.delete();
      }
    },
  );

  test('a backend that fails every request loses nothing: the outbox waits', async () => {
    const cache = await syncedCache('outage', server.url, token);
    try {
      const down: FetchFn = async () => new Response('{}', { status: 503 });
      const api = createBackendClient(server.url, token, down);
      const outcomes = [await log(cache, 'kr0'), await log(cache, 'kr1')];
      for (let i = 0; i < MAX_ATTEMPTS + 3; i++) await expect(flushOutbox(cache, api)).rejects.toThrow(/503/);
      const rows = await cache.outbox.toArray();
      expect(rows.map((row) => row.status)).toEqual(['pending', 'pending']);

      await flushOutbox(cache, createBackendClient(server.url, token));
      const live = await liveOutcomeIds(server.db);
      for (const outcome of outcomes) expect(live).toContain(outcome.id);
    } finally {
      await cache.delete();
    }
  });

  test.each([
    ['batches are sized under the body limit', 4096, 4096],
    ['a batch over a smaller body limit (413) is split', 1024 * 1024, 4096],
  ])('%s; an outcome too large alone is rejected alone', async (_name, clientLimit, serverLimit) => {
    const cache = await syncedCache('body-limit', server.url, token);
    try {
      const app = createApp(server.db, { maxBodyBytes: serverLimit, rateLimit: 'off' });
      const statuses: number[] = [];
      const inProcess: FetchFn = async (input, init) => {
        const response = await app.fetch(new Request(input, init));
        statuses.push(response.status);
        return response;
      };
      const api = createBackendClient('http://backend.test', token, inProcess);
      const ordinary = [];
      for (let i = 0; i < 6; i++) ordinary.push(await log(cache, 'kr0', 'a1', `${'é'.repeat(600)} ${i}`));
      // 2 000 characters of two bytes each: within the schema, over the body limit on its own.
      const huge = await log(cache, 'kr0', 'a1', 'é'.repeat(2000));
      ordinary.push(await log(cache, 'kr0', 'a2', 'short'));

      await flushOutbox(cache, api, { maxBodyBytes: clientLimit });

      const live = await liveOutcomeIds(server.db);
      for (const outcome of ordinary) expect(live).toContain(outcome.id);
      expect(live).not.toContain(huge.id);
      const rows = await cache.outbox.toArray();
      expect(rows.map((row) => [row.id, row.status])).toEqual([[huge.id, 'rejected']]);
      expect(rows[0]?.reason).toMatch(/too large/);
      if (clientLimit === serverLimit) expect(statuses).not.toContain(413);
    } finally {
      await cache.delete();
    }
  });
});
