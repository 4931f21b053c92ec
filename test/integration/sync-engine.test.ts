import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  countAccountsAndMetrics,
  findAccounts,
  readAccount,
  readMetrics,
} from '../../lib/cache/block-reader.ts';
import { CacheDb } from '../../lib/cache/db.ts';
import { crmRefKey } from '../../lib/cache/rows.ts';
import { answerPanel } from '../../lib/panel/answer.ts';
import { Snapshot } from '../../lib/schemas/api.ts';
import { saveSettings } from '../../lib/settings/store.ts';
import { createSyncEngine } from '../../lib/sync/engine.ts';
import {
  createToken,
  deleteEntities,
  demoSnapshot,
  importSnapshot,
  pruneTombstones,
  type RunningServer,
  SHOWCASE,
  startServer,
} from '../../server/index.ts';

/** The real sync engine against the real reference backend, over HTTP, into IndexedDB. */
describe('sync engine against the reference backend', () => {
  let server: RunningServer;
  let cache: CacheDb;
  const now = new Date('2026-11-15T12:00:00Z');
  const { acme, globex, initech } = SHOWCASE.accounts;

  async function connect(email: string) {
    await saveSettings(cache, {
      backendUrl: server.url,
      token: await createToken(server.db, email),
      syncIntervalMinutes: 15,
    });
  }

  beforeEach(async () => {
    server = await startServer({ port: 0, storage: { kind: 'memory' }, seed: 'demo' });
    cache = new CacheDb(`sync-${Math.random()}`);
  });
  afterEach(async () => {
    await cache.delete();
    await server.close();
  });

  test('first sync pages through the feed and the panel finds accounts by CRM ref', async () => {
    await connect(SHOWCASE.users.lead.email);
    const demo = demoSnapshot();
    const { status, changed } = await createSyncEngine(cache, { pageSize: 97 }).sync();
    expect(status.state).toBe('ok');
    expect(changed).toBe(true);
    expect(status.counts).toEqual({
      accounts: demo.accounts.length,
      keyResults: demo.keyResults.length,
      metrics: demo.metrics.length,
      tiers: demo.tiers.length,
      objectives: demo.objectives.length,
      users: demo.users.length,
      pendingOutcomes: 0,
    });
    const answer = await answerPanel(cache, 'salesforce', acme.salesforceId.slice(0, 15), now);
    if (answer.kind !== 'account') throw new Error(`expected an account, got ${answer.kind}`);
    expect(answer.view.account.name).toBe(acme.name);
    expect(answer.view.tier?.id).toBe(acme.tierId);
    expect(answer.view.objectives.flatMap((o) => o.keyResults).length).toBeGreaterThan(3);
    expect(answer.view.health.score).not.toBeNull();
    expect(answer.sync.stale).toBe(false);
  });

  test('a delta sync applies only what changed since the cursor', async () => {
    await connect(SHOWCASE.users.lead.email);
    const engine = createSyncEngine(cache);
    await engine.sync();
    const account = demoSnapshot().accounts.find((a) => a.id === globex.id);
    if (!account) throw new Error('demo data lost Globex');
    await importSnapshot(server.db, {
      ...Snapshot.parse({}),
      accounts: [{ ...account, name: 'Globex Holdings' }],
    });
    await deleteEntities(server.db, 'account', [initech.id]);

    const { status } = await engine.sync();
    expect(status.state).toBe('ok');
    expect((await readAccount(cache, globex.id))?.name).toBe('Globex Holdings');
    expect(await readAccount(cache, initech.id)).toBeUndefined();
    expect(await readMetrics(cache, initech.id)).toEqual([]);
  });

  test('410 after pruned tombstones: a full resync replaces the cache, dropping what was deleted', async () => {
    await connect(SHOWCASE.users.lead.email);
    const engine = createSyncEngine(cache);
    await engine.sync();
    await deleteEntities(server.db, 'account', [initech.id]);
    await pruneTombstones(server.db, 0);

    const { status } = await engine.sync();
    expect(status.lastError).toBeNull();
    expect(status.state).toBe('ok');
    expect(await readAccount(cache, initech.id)).toBeUndefined();
    expect(await findAccounts(cache, 'refKeys', crmRefKey('hubspot', initech.hubspotId))).toEqual([]);
    expect(await readAccount(cache, acme.id)).toBeDefined();
  });

  test('a CSM only caches accounts of their own team', async () => {
    await connect(SHOWCASE.users.csm.email);
    await createSyncEngine(cache).sync();
    expect(await readAccount(cache, acme.id)).toBeDefined();
    expect(await readAccount(cache, initech.id)).toBeUndefined();
  });

  test('a refused token is reported as such and leaves the cache alone', async () => {
    await connect(SHOWCASE.users.lead.email);
    const engine = createSyncEngine(cache);
    await engine.sync();
    await saveSettings(cache, { backendUrl: server.url, token: 'revoked', syncIntervalMinutes: 15 });
    const { status } = await engine.sync();
    expect(status.state).toBe('error');
    expect(status.lastError).toMatchObject({ code: 'auth', message: expect.stringContaining('401') });
    expect(status.lastSuccessAt).not.toBeNull();
    expect((await countAccountsAndMetrics(cache)).accounts).toBe(demoSnapshot().accounts.length);
  });

  test('concurrent sync requests share one run', async () => {
    await connect(SHOWCASE.users.lead.email);
    const engine = createSyncEngine(cache);
    const [a, b] = await Promise.all([engine.sync(), engine.sync()]);
    expect(a).toBe(b);
  });
  test('a refused record stays reported through later syncs until a valid version arrives', async () => {
    const good = demoSnapshot().accounts.find((a) => a.id === acme.id);
    if (!good) throw new Error('the demo data lost Acme');
    await connect(SHOWCASE.users.lead.email);
    const engine = createSyncEngine(cache);
    await engine.sync();
    // A backend bug: Acme's feed entry carries a tier id of the wrong type.
    await server.db.query(
      `UPDATE changes SET data = jsonb_set(data::jsonb, '{tierId}', '42')::json, seq = nextval('change_seq')
       WHERE type = 'account' AND entity_id = $1`,
      [acme.id],
    );
    const refused = await engine.sync();
    expect(refused.status.problems.map((p) => `${p.type} ${p.id} ${p.field}`)).toEqual([
      `account ${acme.id} tierId`,
    ]);
    // Nothing new: the problem is still there, and so is Acme's last good version.
    const quiet = await engine.sync();
    expect(quiet.status.problems.map((p) => p.id)).toEqual([acme.id]);
    expect((await readAccount(cache, acme.id))?.tierId).toBe(good.tierId);
    // The backend sends a valid Acme again: the problem is settled.
    await importSnapshot(server.db, { ...Snapshot.parse({}), accounts: [{ ...good, name: 'Acme Fixed' }] });
    const fixed = await engine.sync();
    expect(fixed.status.problems).toEqual([]);
  });
});
