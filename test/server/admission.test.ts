import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import type { Db } from '../../server/db/types.ts';
import { CHANGES_PER_PART } from '../../server/feed/read.ts';
import { AdmissionQueue } from '../../server/limit/admission-queue.ts';
import { putEntities } from '../../server/store/put.ts';
import { BACKENDS } from './backends.ts';
import { account } from './fixtures.ts';
import { suiteHarness } from './suite-harness.ts';

describe('the admission line', () => {
  it.each([
    { active: 1, queued: 0, admitted: 1, waiting: 0, shed: 2 },
    { active: 2, queued: 1, admitted: 2, waiting: 1, shed: 0 },
    { active: 1, queued: 5, admitted: 1, waiting: 2, shed: 0 },
  ])(
    'with $active at once and $queued in line, 3 arrivals: $admitted in, $waiting wait, $shed shed',
    async (row) => {
      const queue = new AdmissionQueue({ active: row.active, queued: row.queued, maxWaitMs: 60_000 });
      const entries = [queue.enter(), queue.enter(), queue.enter()];
      const settled = await Promise.all(entries.map((e) => Promise.race([e, Promise.resolve('waiting')])));
      expect(settled.filter((s) => typeof s === 'function')).toHaveLength(row.admitted);
      expect(settled.filter((s) => s === 'waiting')).toHaveLength(row.waiting);
      expect(settled.filter((s) => s === null)).toHaveLength(row.shed);
      expect(queue.waiting).toBe(row.waiting);
    },
  );

  it('lets the first in line in when a place frees up, and the next after it', async () => {
    const queue = new AdmissionQueue({ active: 1, queued: 2, maxWaitMs: 60_000 });
    const first = await queue.enter();
    const order: string[] = [];
    const inLine = (name: string) =>
      queue.enter().then((release) => {
        order.push(name);
        return release;
      });
    const second = inLine('second');
    const third = inLine('third');
    first?.();
    (await second)?.();
    (await third)?.();
    expect(order).toEqual(['second', 'third']);
    expect(queue.waiting).toBe(0);
  });

  it('turns away a request that waited too long', async () => {
    const queue = new AdmissionQueue({ active: 1, queued: 1, maxWaitMs: 0 });
    await queue.enter();
    expect(await queue.enter()).toBeNull();
    expect(queue.waiting).toBe(0);
  });

  it.each([0, 0.5, 0.999])('asks for a Retry-After of 1 to 30 s (random %s)', (random) => {
    const queue = new AdmissionQueue({ active: 1, queued: 0, maxWaitMs: 0 }, () => random);
    expect(queue.retryAfterSeconds()).toBeGreaterThanOrEqual(1);
    expect(queue.retryAfterSeconds()).toBeLessThanOrEqual(30);
  });

  it('refuses a limit that could admit nothing', () => {
    expect(() => new AdmissionQueue({ active: 0, queued: 10, maxWaitMs: 1000 })).toThrow(/admission limit/);
  });
});

/** `db` whose queries wait while the gate is shut; `entered` resolves when the first one arrives. */
function gated(db: Db) {
  let open!: () => void;
  let entered!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const arrived = new Promise<void>((resolve) => {
    entered = resolve;
  });
  const wrapped: Db = {
    ...db,
    async query(sql, params) {
      entered();
      await opened;
      return db.query(sql, params);
    },
  };
  return { db: wrapped, open, arrived };
}

describe.each(BACKENDS)('a full admission line on $name', (backend) => {
  const h = suiteHarness(backend);

  it('answers 503 with Retry-After, and the same request gets through once there is room', async () => {
    const gate = gated(h.db);
    const app = createApp(gate.db, {
      logError: () => {},
      admission: { active: 1, queued: 0, maxWaitMs: 60_000 },
    });
    const get = () => app.request('/v1/me', { headers: { Authorization: `Bearer ${h.tokens.lead}` } });
    const holding = get();
    await gate.arrived;

    const shed = await get();
    expect(shed.status).toBe(503);
    expect(Number(shed.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect((await shed.json()).error.code).toBe('overloaded');

    gate.open();
    expect((await holding).status).toBe(200);
    expect((await get()).status).toBe(200);
  });

  /** An app that admits one request at a time, over a feed long enough that a page streams in parts. */
  const oneAtATimeOverLongFeed = async () => {
    await putEntities(
      h.db,
      'account',
      Array.from({ length: CHANGES_PER_PART * 2 }, (_, i) => account(`held${i}`, 'u-east')),
    );
    const app = createApp(h.db, {
      logError: () => {},
      admission: { active: 1, queued: 0, maxWaitMs: 60_000 },
    });
    return (path: string) => app.request(path, { headers: { Authorization: `Bearer ${h.tokens.lead}` } });
  };

  it("keeps a streamed page's place until its body has been read to the end", async () => {
    const get = await oneAtATimeOverLongFeed();
    const page = await get('/v1/changes?limit=5000');
    expect(page.status).toBe(200);
    const reader = page.body?.getReader();
    if (reader === undefined) throw new Error('the page has no body');
    expect((await reader.read()).done).toBe(false);
    expect((await get('/v1/me')).status).toBe(503);

    while (!(await reader.read()).done) {}
    expect((await get('/v1/me')).status).toBe(200);
  });

  it("frees a streamed page's place when the client stops reading it", async () => {
    const get = await oneAtATimeOverLongFeed();
    const page = await get('/v1/changes?limit=5000');
    const reader = page.body?.getReader();
    if (reader === undefined) throw new Error('the page has no body');
    await reader.read();
    await reader.cancel();
    expect((await get('/v1/me')).status).toBe(200);
  });
});
