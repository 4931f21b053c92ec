import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createHandlers } from '../../entrypoints/background/handlers.ts';
import type { SyncScheduler } from '../../entrypoints/background/scheduler.ts';
import { CacheDb } from '../../lib/cache/db.ts';
import type { MessageType, RequestOf, ResponseOf } from '../../lib/messages/protocol.ts';
import { setPolicySource } from '../../lib/settings/policy-source.ts';
import { loadUserSettings, saveSettings } from '../../lib/settings/store.ts';
import { createSyncEngine } from '../../lib/sync/engine.ts';
import { createToken, type RunningServer, SHOWCASE, startServer } from '../../server/index.ts';

/**
 * The background's settings handlers and sync engine with an administrator's policy in force, against
 * the real reference backend. Managed storage is read-only in a browser and written only by the
 * operating system's policy, so the policy is handed to the background's policy source directly.
 */
describe('a policy pushed through managed storage', () => {
  let server: RunningServer;
  let cache: CacheDb;
  let token: string;
  let intervals: number[];

  function handlers() {
    // Only the interval is the scheduler's part in these handlers; alarms need a browser.
    const scheduler = {
      setInterval: async (minutes: number) => {
        intervals.push(minutes);
      },
    } as unknown as SyncScheduler;
    const all = createHandlers(cache, scheduler, () => undefined);
    const sender = { id: 'test', url: 'chrome-extension://test/options.html' };
    return <K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> =>
      // biome-ignore lint/suspicious/noExplicitAny: each handler is called with its own request type.
      (all[type] as any)(payload, sender);
  }

  beforeEach(async () => {
    server = await startServer({ port: 0, storage: { kind: 'memory' }, seed: 'demo' });
    cache = new CacheDb(`policy-${Math.random()}`);
    token = await createToken(server.db, SHOWCASE.users.lead.email);
    intervals = [];
    // The user's own settings point elsewhere, with a token the backend refuses.
    await saveSettings(cache, {
      backendUrl: 'https://goals.user.example',
      token: 'user-token',
      syncIntervalMinutes: 30,
    });
  });
  afterEach(async () => {
    setPolicySource(async () => ({}));
    await cache.delete();
    await server.close();
  });

  test('the sync engine uses the policy’s backend and token', async () => {
    setPolicySource(async () => ({ backendUrl: server.url, token }));
    const { status } = await createSyncEngine(cache).sync();
    expect(status.state).toBe('ok');
    expect(status.counts.accounts).toBeGreaterThan(0);
  });

  test('the options page sees locked settings, the hint and the problems, never the token', async () => {
    setPolicySource(async () => ({
      backendUrl: server.url,
      token,
      ssoHint: 'https://sso.corp.example/goal-lens',
      syncIntervalMinutes: 0,
    }));
    const view = await handlers()('settings/get', {});
    expect(view).toMatchObject({
      backendUrl: server.url,
      hasToken: true,
      syncIntervalMinutes: 30,
      locked: ['backendUrl', 'token'],
      ssoHint: 'https://sso.corp.example/goal-lens',
      policyDiagnostics: [expect.stringContaining('"syncIntervalMinutes" was ignored')],
    });
    expect(JSON.stringify(view)).not.toContain(token);
  });

  test('saving cannot change what the policy sets; the rest saves, and the user’s values return when it lifts', async () => {
    setPolicySource(async () => ({ backendUrl: server.url, token, syncIntervalMinutes: 5 }));
    const request = handlers();
    const saved = await request('settings/save', {
      backendUrl: 'https://elsewhere.example',
      token: 'typed-token',
      syncIntervalMinutes: 60,
      crmTierLabel: 'Segment',
    });
    expect(saved).toMatchObject({ backendUrl: server.url, syncIntervalMinutes: 5, crmTierLabel: 'Segment' });
    expect(intervals).toEqual([5]);
    expect(await loadUserSettings(cache)).toMatchObject({
      backendUrl: 'https://goals.user.example',
      token: 'user-token',
      syncIntervalMinutes: 30,
      crmTierLabel: 'Segment',
    });
    // The policy's token is the one tried, whatever the page sends.
    expect(await request('connection/test', { token: 'typed-token' })).toMatchObject({
      user: { email: SHOWCASE.users.lead.email },
    });

    setPolicySource(async () => ({}));
    expect(await request('settings/get', {})).toMatchObject({
      backendUrl: 'https://goals.user.example',
      syncIntervalMinutes: 30,
      locked: [],
    });
  });

  test('a browser with no managed storage for the extension means no policy', async () => {
    setPolicySource(() => Promise.reject(new Error('Managed storage manifest not found')));
    expect(await handlers()('settings/get', {})).toMatchObject({
      backendUrl: 'https://goals.user.example',
      locked: [],
      policyDiagnostics: [],
    });
  });
});
