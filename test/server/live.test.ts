import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_CLOSE } from '../../lib/schemas/index.ts';
import { openDb } from '../../server/db/open.ts';
import type { Db } from '../../server/db/types.ts';
import { deactivateUser } from '../../server/sessions/deactivate.ts';
import { type RunningServer, startServer } from '../../server/start.ts';
import { type Harness, harness, metric, USERS } from './fixtures.ts';
import { type LiveProbe, openLive, ticketFor } from './live-client.ts';
import { outcome } from './outcome-client.ts';

/**
 * Two backend instances over one database, as behind a load balancer. On Postgres each has its own
 * pool and its own LISTEN connection; PGlite lives in one process, so both share its handle.
 */
interface Pair {
  name: string;
  open(): Promise<{ first: Db; second: Db; close(): Promise<void> }>;
}

const PAIRS: Pair[] = [
  {
    name: 'pglite',
    async open() {
      const db = await openDb({ kind: 'memory' });
      return { first: db, second: db, close: () => db.close() };
    },
  },
];
const url = process.env.DATABASE_URL;
if (url) {
  PAIRS.push({
    name: 'postgres',
    async open() {
      const schema = `gl_test_${randomBytes(6).toString('hex')}`;
      const first = await openDb({ kind: 'postgres', url, schema });
      const second = await openDb({ kind: 'postgres', url, schema });
      return {
        first,
        second,
        async close() {
          await second.close();
          await first.query(`DROP SCHEMA ${schema} CASCADE`);
          await first.close();
        },
      };
    },
  });
}

describe.each(PAIRS)('live channel across two instances ($name)', (pair) => {
  let h: Harness;
  let one: RunningServer;
  let two: RunningServer;
  let close: () => Promise<void>;
  const open: LiveProbe[] = [];

  beforeAll(async () => {
    const dbs = await pair.open();
    close = dbs.close;
    h = await harness(dbs.first);
    one = await startServer({ port: 0, db: dbs.first, rateLimit: 'off', liveHeartbeatMs: 1_000 });
    two = await startServer({ port: 0, db: dbs.second, rateLimit: 'off', liveHeartbeatMs: 1_000 });
  });
  afterAll(async () => {
    for (const probe of open) probe.close();
    await one?.close();
    await two?.close();
    await close?.();
  });

  async function connect(who: keyof typeof USERS, server: RunningServer, ticketFrom = server) {
    const { path } = await ticketFor(ticketFrom.url, h.tokens[who]);
    const probe = await openLive(server.url, path);
    open.push(probe);
    return probe;
  }

  async function write(server: RunningServer, who: keyof typeof USERS, path: string, body: unknown) {
    const response = await fetch(`${server.url}${path}`, {
      method: path.startsWith('/v1/admin/') ? 'PUT' : 'POST',
      headers: { Authorization: `Bearer ${h.tokens[who]}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
  }

  it('pokes a client of one instance when an outcome is logged through the other, with the new head only', async () => {
    const east = await connect('east', two, one);
    const ready = await east.next((m) => m.type === 'ready');
    await write(one, 'eastRep', '/v1/outcomes', { outcomes: [outcome('eastRep')] });
    const poke = await east.next((m) => m.type === 'poke');
    expect(poke).toEqual({ type: 'poke', head: expect.any(Number) });
    expect(poke.type === 'poke' && ready.type === 'ready' && poke.head > ready.head).toBe(true);
  });

  it("pokes only those who can see what moved: a metric of east's account leaves west alone", async () => {
    const east = await connect('east', two);
    const west = await connect('west', two);
    const lead = await connect('lead', one);
    await Promise.all([east, west, lead].map((p) => p.next((m) => m.type === 'ready')));
    await write(one, 'admin', '/v1/admin/metrics', { items: [metric('a2', 'nps', 55)] });
    await east.next((m) => m.type === 'poke');
    await lead.next((m) => m.type === 'poke');
    // Both instances heard the same notification by now; west's would have come with it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(west.messages.filter((m) => m.type === 'poke')).toEqual([]);
  });

  it('says nothing when a write changed nothing', async () => {
    const east = await connect('east', two);
    await east.next((m) => m.type === 'ready');
    await write(one, 'admin', '/v1/admin/metrics', { items: [metric('a2', 'nps', 55)] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(east.messages.filter((m) => m.type === 'poke')).toEqual([]);
  });

  it('sends a heartbeat while idle', async () => {
    const east = await connect('east', one);
    await east.next((m) => m.type === 'ping');
  });

  it('refuses a missing, unknown or reused ticket before upgrading', async () => {
    const { path } = await ticketFor(one.url, h.tokens.east);
    open.push(await openLive(two.url, path));
    await expect(openLive(one.url, path)).rejects.toMatchObject({ status: 401 });
    await expect(openLive(one.url, '/v1/live?ticket=glt_nope')).rejects.toMatchObject({ status: 401 });
    await expect(openLive(one.url, '/v1/live')).rejects.toMatchObject({ status: 401 });
    const anonymous = await fetch(`${one.url}/v1/live/ticket`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
  });

  it('closes the channel of a user who is deactivated', async () => {
    const west = await connect('westRep', two);
    await west.next((m) => m.type === 'ready');
    await deactivateUser(h.db, USERS.westRep.id);
    expect(await west.closed).toBe(LIVE_CLOSE.unauthorized);
  });
});
