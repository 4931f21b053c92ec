import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openAccountWriter } from '../../../lib/cache/account-store.ts';
import { CacheDb } from '../../../lib/cache/db.ts';
import { toCachedKeyResult } from '../../../lib/cache/rows.ts';
import { flushOutbox } from '../../../lib/outbox/flush.ts';
import { newOutboxRow } from '../../../lib/outbox/types.ts';
import type { KeyResult, Outcome } from '../../../lib/schemas/entities.ts';
import { applyChanges } from '../../../lib/sync/apply-changes.ts';

const OLDER = '2026-11-01T10:00:00.000Z';
const NEWER = '2026-11-01T10:05:00.000Z';

function keyResult(current: number, updatedAt: string): KeyResult {
  return {
    id: 'kr1',
    objectiveId: 'o1',
    title: 'Renewals',
    unit: 'count',
    direction: 'increase',
    start: 0,
    target: 100,
    current,
    scope: { accountIds: ['a1'] },
    quickLog: { label: '+1', delta: 1 },
    updatedAt,
  };
}

const outcome: Outcome = {
  id: '00000000-0000-4000-8000-000000000001',
  keyResultId: 'kr1',
  accountId: 'a1',
  delta: 1,
  loggedBy: 'u1',
  occurredAt: OLDER,
};

/** A backend that answers every outcome and undo with `answer`, after `gate` opens. */
function answeringWith(answer: KeyResult, gate: Promise<void> = Promise.resolve()) {
  const calls = { inFlight: 0, most: 0 };
  const respond = async <T>(body: T): Promise<T> => {
    calls.inFlight++;
    calls.most = Math.max(calls.most, calls.inFlight);
    await gate;
    calls.inFlight--;
    return body;
  };
  return {
    calls,
    api: {
      postOutcomes: (outcomes: Outcome[]) =>
        respond({
          results: outcomes.map((o) => ({ id: o.id, status: 'applied' as const })),
          keyResults: [answer],
        }),
      deleteOutcome: (id: string) => respond({ id, status: 'undone' as const, keyResults: [answer] }),
      me: async () => ({ user: { id: 'u1', name: 'U', email: 'u@example.com', role: 'lead' as const } }),
    },
  };
}

describe('key results written by the feed and by outcome responses', () => {
  let db: CacheDb;
  beforeEach(() => {
    db = new CacheDb(`kr-writes-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  // [what is cached, what arrives, which channel brings it, what the cache ends with]
  test.each([
    ['feed', OLDER, NEWER, NEWER],
    ['feed', NEWER, OLDER, NEWER],
    ['response', OLDER, NEWER, NEWER],
    ['response', NEWER, OLDER, NEWER],
    ['response', OLDER, OLDER, OLDER],
  ] as const)('%s: cached %s, arriving %s → %s', async (channel, cachedAt, arrivingAt, kept) => {
    const cached = keyResult(cachedAt === NEWER ? 7 : 3, cachedAt);
    const arriving = keyResult(arrivingAt === NEWER ? 7 : arrivingAt === cachedAt ? 4 : 3, arrivingAt);
    await db.keyResults.put(toCachedKeyResult(cached));
    if (channel === 'feed') {
      await db.transaction('rw', [...db.entityTables, db.kv], async () =>
        applyChanges(
          db,
          [{ type: 'keyResult', op: 'put', id: 'kr1', data: arriving }],
          await openAccountWriter(db),
        ),
      );
    } else {
      await db.outbox.put(newOutboxRow(outcome, new Date(OLDER)));
      await flushOutbox(db, answeringWith(arriving).api);
    }
    const stored = await db.keyResults.get('kr1');
    expect(stored?.updatedAt).toBe(kept);
    expect(stored?.current).toBe(
      kept === cachedAt && kept !== arrivingAt ? cached.current : arriving.current,
    );
  });

  test('a click’s delivery and an alarm’s sync flush one after the other, never together', async () => {
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const backend = answeringWith(keyResult(1, NEWER), gate);
    await db.outbox.put(newOutboxRow(outcome, new Date(OLDER)));
    const both = Promise.all([flushOutbox(db, backend.api), flushOutbox(db, backend.api)]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    open();
    const [first, second] = await both;
    expect(backend.calls.most).toBe(1);
    expect(first.settled + second.settled).toBe(1);
  });
});
