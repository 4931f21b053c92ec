import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readAccount, readMetrics } from '../../lib/cache/block-reader.ts';
import { CacheDb } from '../../lib/cache/db.ts';
import { saveSettings } from '../../lib/settings/store.ts';
import { createSyncEngine } from '../../lib/sync/engine.ts';
import { createToken, type RunningServer, startServer } from '../../server/index.ts';

const ADMIN_EMAIL = 'sam.okafor@example.com';

/** What an admin writes through the admin API reaches the extension's cache, deletes included. */
describe('the extension applies admin API writes', () => {
  let server: RunningServer;
  let cache: CacheDb;
  let token: string;

  async function admin(method: string, path: string, body: unknown): Promise<void> {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 200)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  }

  beforeEach(async () => {
    server = await startServer({ port: 0, storage: { kind: 'memory' }, seed: 'demo' });
    cache = new CacheDb(`admin-api-${Math.random()}`);
    token = await createToken(server.db, ADMIN_EMAIL);
    await saveSettings(cache, { backendUrl: server.url, token, syncIntervalMinutes: 15 });
  });
  afterEach(async () => {
    await cache.delete();
    await server.close();
  });

  test('teams and accounts put through the API are cached, and their deletes remove them', async () => {
    const engine = createSyncEngine(cache);
    expect((await engine.sync()).status.state).toBe('ok');

    await admin('PUT', '/v1/admin/teams', { items: [{ id: 'team-north', name: 'North' }] });
    await admin('PUT', '/v1/admin/accounts', {
      items: [{ id: 'acc-api-1', name: 'Umbrella', crmRefs: [], tierId: 'tier-2', attributes: { arr: 1 } }],
    });
    await admin('PUT', '/v1/admin/metrics', {
      items: [{ accountId: 'acc-api-1', key: 'nrr', value: 101, asOf: '2026-11-20T00:00:00Z' }],
    });
    expect((await engine.sync()).status.state).toBe('ok');
    expect(await cache.teams.get('team-north')).toMatchObject({ name: 'North', source: 'api' });
    expect((await readAccount(cache, 'acc-api-1'))?.name).toBe('Umbrella');
    expect((await readMetrics(cache, 'acc-api-1')).map((m) => m.value)).toEqual([101]);

    await admin('POST', '/v1/admin/metrics/delete', { ids: ['acc-api-1:nrr'] });
    await admin('POST', '/v1/admin/accounts/delete', { ids: ['acc-api-1'] });
    await admin('POST', '/v1/admin/teams/delete', { ids: ['team-north'] });
    expect((await engine.sync()).status.state).toBe('ok');
    expect(await readAccount(cache, 'acc-api-1')).toBeUndefined();
    expect(await readMetrics(cache, 'acc-api-1')).toEqual([]);
    expect(await cache.teams.get('team-north')).toBeUndefined();
  });
});
