import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { CacheDb } from '../../lib/cache/db.ts';
import { newOutboxRow } from '../../lib/outbox/types.ts';
import { loadSettings, saveSettings } from '../../lib/settings/store.ts';
import { createSyncEngine } from '../../lib/sync/engine.ts';
import {
  createToken,
  demoSnapshot,
  importSnapshot,
  type RunningServer,
  startServer,
} from '../../server/index.ts';

// The scheduler reaches the extension APIs through `chrome`; alarms are all it uses here.
(globalThis as { chrome?: unknown }).chrome = fakeBrowser;
const { createSyncScheduler } = await import('../../entrypoints/background/scheduler.ts');

const RETRY_ALARM = 'goal-lens-sync-retry';
/** One request per ten minutes: longer than any delay the backoff would pick on its own (≤ 30 s at first). */
const LIMIT = { requests: 1, windowSeconds: 600 };

/** The background's scheduler against the real backend, which rate-limits the token. */
describe('the sync scheduler and Retry-After', () => {
  let server: RunningServer;
  let db: CacheDb;
  const demo = demoSnapshot();
  const lead = demo.users.find((user) => user.role === 'lead');

  beforeAll(async () => {
    server = await startServer({ port: 0, storage: { kind: 'memory' }, rateLimit: LIMIT });
    await importSnapshot(server.db, demo);
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    fakeBrowser.reset();
    db = new CacheDb(`scheduler-${Math.random()}`);
    await saveSettings(db, {
      backendUrl: server.url,
      token: await createToken(server.db, lead?.email ?? ''),
      syncIntervalMinutes: 15,
    });
    return () => db.delete();
  });

  async function retryInMs(): Promise<number> {
    const alarm = await fakeBrowser.alarms.get(RETRY_ALARM);
    if (!alarm) throw new Error('no retry was scheduled');
    return alarm.scheduledTime - Date.now();
  }

  test('a sync refused with 429 is retried no sooner than Retry-After', async () => {
    const scheduler = createSyncScheduler(db, createSyncEngine(db), () => {});
    const status = await scheduler.run();
    expect(status.lastError?.code).toBe('rate_limited');
    expect(await retryInMs()).toBeGreaterThan(590_000);
    expect(Date.parse(status.nextRetryAt ?? '') - Date.now()).toBeGreaterThan(590_000);
  });

  test('a delivery right after a click that is refused with 429 waits as long', async () => {
    const kr = demo.keyResults.find((k) => k.scope.accountIds?.length);
    const accountId = kr?.scope.accountIds?.[0] ?? '';
    const account = demo.accounts.find((a) => a.id === accountId);
    if (!kr || !account || !lead) throw new Error('the demo data has no account-scoped key result');
    const now = new Date();
    const outcome = {
      id: crypto.randomUUID(),
      keyResultId: kr.id,
      accountId,
      delta: 1,
      loggedBy: lead.id,
      occurredAt: now.toISOString(),
    };
    await db.outbox.add(newOutboxRow(outcome, now));
    // The token's one request of the window is spent elsewhere first.
    const { token } = await loadSettings(db);
    expect(
      (await fetch(`${server.url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
    await createSyncScheduler(db, createSyncEngine(db), () => {}).deliver();
    expect(await retryInMs()).toBeGreaterThan(590_000);
    expect((await db.outbox.toArray()).map((row) => row.id)).toEqual([outcome.id]);
  });
});

/** A backend shedding load: every request is answered 503 with Retry-After, as the admission line does. */
describe('the sync scheduler and a busy backend (503 with Retry-After)', () => {
  let busy: Server;
  let url: string;
  let db: CacheDb;
  const demo = demoSnapshot();
  const lead = demo.users.find((user) => user.role === 'lead');

  beforeAll(async () => {
    busy = createServer((_request, response) => {
      response.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '600' });
      response.end(JSON.stringify({ error: { code: 'overloaded', message: 'The server is busy.' } }));
    });
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(busy.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => busy.close(resolve)));
  beforeEach(async () => {
    fakeBrowser.reset();
    db = new CacheDb(`scheduler-busy-${Math.random()}`);
    await saveSettings(db, { backendUrl: url, token: 'token', syncIntervalMinutes: 15 });
    return () => db.delete();
  });

  async function retryInMs(): Promise<number> {
    const alarm = await fakeBrowser.alarms.get(RETRY_ALARM);
    if (!alarm) throw new Error('no retry was scheduled');
    return alarm.scheduledTime - Date.now();
  }

  test('a sync answered 503 is retried no sooner than Retry-After', async () => {
    const status = await createSyncScheduler(db, createSyncEngine(db), () => {}).run();
    expect(status.lastError?.code).toBe('rate_limited');
    expect(await retryInMs()).toBeGreaterThan(590_000);
  });

  test('a delivery answered 503 keeps the outcome unsent and waits as long', async () => {
    const kr = demo.keyResults.find((k) => k.scope.accountIds?.length);
    if (!kr || !lead) throw new Error('the demo data has no account-scoped key result');
    const now = new Date();
    const outcome = {
      id: crypto.randomUUID(),
      keyResultId: kr.id,
      accountId: kr.scope.accountIds?.[0] ?? '',
      delta: 1,
      loggedBy: lead.id,
      occurredAt: now.toISOString(),
    };
    await db.outbox.add(newOutboxRow(outcome, now));
    await createSyncScheduler(db, createSyncEngine(db), () => {}).deliver();
    expect(await retryInMs()).toBeGreaterThan(590_000);
    const [row] = await db.outbox.toArray();
    expect(row?.id).toBe(outcome.id);
    expect(row?.status).not.toBe('rejected');
  });
});
