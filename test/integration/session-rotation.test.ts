import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FetchFn } from '../../lib/backend/client.ts';
import { CacheDb } from '../../lib/cache/db.ts';
import { loadUserSettings } from '../../lib/settings/store.ts';
import { exchangeCode } from '../../lib/signin/flow.ts';
import { keepSession } from '../../lib/signin/session.ts';
import { acceptTabAnswer, startTabSignIn } from '../../lib/signin/tab-flow.ts';
import { createSyncEngine } from '../../lib/sync/engine.ts';
import { createApp, type Db, demoSnapshot, importSnapshot, openDb } from '../../server/index.ts';
import { ROTATION_GRACE_MS } from '../../server/sessions/sessions.ts';
import { createInvitation } from '../../server/signin/invitations.ts';

const ORIGIN = 'http://backend.test';
const DAY = 24 * 3600_000;

/** The extension's sync engine against the real app: a day-old device session is rotated on the next sync. */
describe('device-session rotation from the extension', () => {
  let db: Db;
  let clock = Date.parse('2026-12-01T09:00:00Z');
  let backend: FetchFn;
  const lead = demoSnapshot().users.find((user) => user.role === 'lead');

  beforeAll(async () => {
    db = await openDb({ kind: 'memory' });
    await importSnapshot(db, demoSnapshot());
    const app = createApp(db, {
      now: () => clock,
      logError: () => {},
      signIn: { redirectUris: [], publicUrl: ORIGIN },
    });
    backend = async (input, init) => app.request(String(input).slice(ORIGIN.length), init);
  });
  afterAll(() => db.close());

  async function signedIn(cache: CacheDb): Promise<string> {
    const invitation = await createInvitation(db, lead?.email ?? '', clock);
    const { pending, url } = await startTabSignIn(ORIGIN, clock, invitation);
    const landed = (await backend(url)).headers.get('Location') ?? '';
    const answer = new URLSearchParams(new URL(landed).hash.slice(1));
    const code = acceptTabAnswer(
      pending,
      { senderUrl: landed, code: answer.get('code') ?? '', state: answer.get('state') ?? '' },
      clock,
    );
    await keepSession(
      cache,
      ORIGIN,
      await exchangeCode(ORIGIN, pending.redirectUri, code, pending.verifier, backend),
    );
    return (await loadUserSettings(cache)).token ?? '';
  }

  const me = (token: string) => backend(`${ORIGIN}/v1/me`, { headers: { Authorization: `Bearer ${token}` } });

  test('keeps the token for a day, then trades it on a sync; the old one stops after the grace', async () => {
    const cache = new CacheDb(`rotation-${Math.random()}`);
    try {
      const first = await signedIn(cache);
      const sync = (at: number) =>
        createSyncEngine(cache, { fetch: backend, now: () => new Date(at) }).sync();

      expect((await sync(Date.now())).status.state).toBe('ok');
      expect((await loadUserSettings(cache)).token).toBe(first);

      const later = Date.now() + DAY;
      expect((await sync(later)).status.state).toBe('ok');
      const settings = await loadUserSettings(cache);
      expect(settings.token).toMatch(/^gls_/);
      expect(settings.token).not.toBe(first);
      expect(settings.session?.rotatedAt).toBe(new Date(later).toISOString());

      clock += ROTATION_GRACE_MS;
      expect((await me(first)).status).toBe(401);
      expect((await me(settings.token ?? '')).status).toBe(200);
    } finally {
      await cache.delete();
    }
  });
});
