import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createBackendClient, type FetchFn } from '../../lib/backend/client.ts';
import { CacheDb } from '../../lib/cache/db.ts';
import { flushOutbox } from '../../lib/outbox/flush.ts';
import { logOutcome, undoOutcome } from '../../lib/outbox/log.ts';
import type { Outcome } from '../../lib/schemas/entities.ts';
import { saveSettings } from '../../lib/settings/store.ts';
import { createSyncEngine } from '../../lib/sync/engine.ts';
import { createToken, importSnapshot, type RunningServer, startServer } from '../../server/index.ts';
import { serverCurrents as currentsOf, OUTBOX_SNAPSHOT, pendingDeltas } from '../fixtures/outbox-backend.ts';

type Fault = 'none' | 'unreachable' | 'lost_response' | 'server_error' | 'rate_limited' | 'delivered_twice';

/**
 * The real backend behind a network that misbehaves as real ones do: requests that never arrive,
 * responses lost after the backend applied the request, 5xx, 429 with Retry-After, and duplicated
 * deliveries. Which fault hits which request is drawn by fast-check, so failures replay from the seed.
 */
function faultyFetch(faults: Fault[]): FetchFn {
  let next = 0;
  return async (input, init) => {
    const fault = faults[next++ % faults.length] ?? 'none';
    switch (fault) {
      case 'unreachable':
        throw new TypeError('Failed to fetch');
      case 'lost_response':
        await fetch(input, init);
        throw new TypeError('network connection was lost');
      case 'server_error':
        return new Response(JSON.stringify({ error: { code: 'unavailable', message: 'try later' } }), {
          status: 503,
        });
      case 'rate_limited':
        return new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'slow down' } }), {
          status: 429,
          headers: { 'Retry-After': '1' },
        });
      case 'delivered_twice':
        await fetch(input, init);
        return fetch(input, init);
      default:
        return fetch(input, init);
    }
  };
}

type Command =
  | { kind: 'log'; kr: number; account: number }
  | { kind: 'undo'; pick: number }
  | { kind: 'flush' };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('log' as const), kr: fc.nat(2), account: fc.nat(1) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const), pick: fc.nat(50) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('flush' as const) }) },
);
const faultArb = fc.constantFrom<Fault>(
  'none',
  'unreachable',
  'lost_response',
  'server_error',
  'rate_limited',
  'delivered_twice',
);

describe('outbox delivery over an unreliable network', () => {
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    server = await startServer({ port: 0, storage: { kind: 'memory' } });
    await importSnapshot(server.db, OUTBOX_SNAPSHOT);
    token = await createToken(server.db, 'lee@example.com');
  });
  afterAll(async () => {
    await server.close();
  });

  const serverCurrents = () => currentsOf(server.db);

  test('every outcome the user kept is applied exactly once; every undone one has no effect', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(commandArb, { minLength: 1, maxLength: 25 }),
        fc.array(faultArb, { minLength: 1, maxLength: 12 }),
        async (commands, faults) => {
          const cache = new CacheDb(`outbox-${Math.random()}`);
          try {
            await saveSettings(cache, { backendUrl: server.url, token, syncIntervalMinutes: 15 });
            await createSyncEngine(cache).sync();
            const before = await serverCurrents();
            const flaky = createBackendClient(server.url, token, faultyFetch(faults));
            const kept = new Map<string, Outcome>();
            const logged: Outcome[] = [];
            for (const command of commands) {
              if (command.kind === 'log') {
                const outcome = await logOutcome(
                  cache,
                  { keyResultId: `kr${command.kr}`, accountId: `a${command.account + 1}` },
                  'u-lead',
                  new Date(),
                );
                logged.push(outcome);
                kept.set(outcome.id, outcome);
              } else if (command.kind === 'undo' && logged.length > 0) {
                const outcome = logged[command.pick % logged.length] as Outcome;
                if (kept.delete(outcome.id)) await undoOutcome(cache, outcome);
              } else if (command.kind === 'flush') {
                await flushOutbox(cache, flaky).catch(() => undefined);
              }
            }
            // The network heals; the outbox drains completely.
            const reliable = createBackendClient(server.url, token);
            await flushOutbox(cache, reliable);
            expect(await cache.outbox.count()).toBe(0);

            const after = await serverCurrents();
            for (const [id, start] of before) {
              const expected = [...kept.values()]
                .filter((o) => o.keyResultId === id)
                .reduce((sum, o) => sum + o.delta, start);
              expect(after.get(id), `current of ${id}`).toBe(expected);
            }
            const ids = logged.map((o) => o.id);
            const applied = await server.db.query<{ id: string }>(
              `SELECT id FROM outcomes WHERE id = ANY($1::text[]) AND undone_at IS NULL`,
              [ids],
            );
            expect(new Set(applied.map((r) => r.id))).toEqual(new Set(kept.keys()));
          } finally {
            await cache.delete();
          }
        },
      ),
      { numRuns: 40, seed: 20261123, endOnFailure: true },
    );
  });

  test('a permanently rejected outcome is rolled back, reported, and does not hold up the queue', async () => {
    const cache = new CacheDb(`outbox-rejected-${Math.random()}`);
    try {
      await saveSettings(cache, { backendUrl: server.url, token, syncIntervalMinutes: 15 });
      await createSyncEngine(cache).sync();
      const before = await serverCurrents();
      // Logged under another user's name: the backend refuses it for good.
      const refused = await logOutcome(
        cache,
        { keyResultId: 'kr1', accountId: 'a1' },
        'someone-else',
        new Date(),
      );
      const accepted = await logOutcome(cache, { keyResultId: 'kr1', accountId: 'a2' }, 'u-lead', new Date());
      expect(pendingDeltas(await cache.outbox.toArray()).get('kr1')).toBe(10);

      await flushOutbox(cache, createBackendClient(server.url, token));

      const rows = await cache.outbox.toArray();
      expect(rows.map((r) => [r.id, r.status])).toEqual([[refused.id, 'rejected']]);
      expect(rows[0]?.reason).toMatch(/loggedBy|user/i);
      expect(pendingDeltas(rows).get('kr1')).toBeUndefined();
      expect((await serverCurrents()).get('kr1')).toBe((before.get('kr1') ?? 0) + accepted.delta);
      expect((await cache.keyResults.get('kr1'))?.current).toBe((before.get('kr1') ?? 0) + accepted.delta);
      // A later flush neither resends it nor stalls on it.
      expect((await flushOutbox(cache, createBackendClient(server.url, token))).settled).toBe(0);
    } finally {
      await cache.delete();
    }
  });
});
