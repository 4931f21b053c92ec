import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackendClient } from '../../lib/backend/client.ts';
import { exchangeCode, signIn } from '../../lib/signin/flow.ts';
import { acceptTabAnswer, startTabSignIn } from '../../lib/signin/tab-flow.ts';
import { createApp } from '../../server/app.ts';
import { openDb } from '../../server/db/open.ts';
import type { Db } from '../../server/db/types.ts';
import { importSnapshot } from '../../server/import.ts';
import { createInvitation } from '../../server/signin/invitations.ts';
import { smallSnapshot, USERS } from './fixtures.ts';
import { REDIRECT } from './signin-client.ts';

const BACKEND = 'http://127.0.0.1:8798';

/** The extension's sign-in code against the real backend, with the sign-in window played by the app. */
describe('the extension signing in', () => {
  let db: Db;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await openDb({ kind: 'memory' });
    await importSnapshot(db, smallSnapshot());
    app = createApp(db, { logError: () => {}, signIn: { redirectUris: [REDIRECT], publicUrl: BACKEND } });
  });
  afterAll(() => db.close());

  const appFetch = ((url: string | URL, init?: RequestInit) =>
    app.request(String(url).slice(BACKEND.length), init)) as typeof fetch;
  /** The browser's sign-in window: it ends where the backend redirects to the extension. */
  const launch = async (url: string, tamper?: (returned: URL) => void) => {
    const response = await appFetch(url);
    const location = response.headers.get('Location');
    if (!location) throw new Error(`the window stayed on a ${response.status} page`);
    const returned = new URL(location);
    tamper?.(returned);
    return returned.toString();
  };

  it('signs in with an invitation, PKCE and state, and syncs with the device session', async () => {
    const invitation = await createInvitation(db, USERS.east.email);
    const answer = await signIn({
      backendUrl: BACKEND,
      redirectUri: REDIRECT,
      launch,
      invitation,
      fetchFn: appFetch,
    });
    expect(answer.user.id).toBe(USERS.east.id);
    const client = createBackendClient(BACKEND, answer.access_token, appFetch);
    expect((await client.me()).user.email).toBe(USERS.east.email);
  });

  it('refuses an answer whose state is not the one it sent', async () => {
    const invitation = await createInvitation(db, USERS.east.email);
    const attempt = signIn({
      backendUrl: BACKEND,
      redirectUri: REDIRECT,
      launch: (url) => launch(url, (returned) => returned.searchParams.set('state', 'forged')),
      invitation,
      fetchFn: appFetch,
    });
    await expect(attempt).rejects.toThrow('did not match the sign-in Goal Lens started');
  });

  it('says the person was signed out once their session is revoked', async () => {
    const invitation = await createInvitation(db, USERS.west.email);
    const answer = await signIn({
      backendUrl: BACKEND,
      redirectUri: REDIRECT,
      launch,
      invitation,
      fetchFn: appFetch,
    });
    const client = createBackendClient(BACKEND, answer.access_token, appFetch);
    await app.request(`/v1/sessions/${answer.session_id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${answer.access_token}` },
    });
    await expect(client.me()).rejects.toMatchObject({
      code: 'auth',
      message: expect.stringContaining('You were signed out'),
    });
  });

  it('signs in in a normal tab: the backend’s own page gets the code, only the extension can spend it', async () => {
    const invitation = await createInvitation(db, USERS.east.email);
    const { pending, url } = await startTabSignIn(BACKEND, Date.now(), invitation);
    const landed = new URL((await appFetch(url)).headers.get('Location') ?? '');
    expect(`${landed.origin}${landed.pathname}`).toBe(`${BACKEND}/auth/done`);
    // What the content script on that page reads and hands over; the browser names the sender page.
    const fragment = new URLSearchParams(landed.hash.slice(1));
    const answer = { code: fragment.get('code') ?? '', state: fragment.get('state') ?? '' };
    const code = acceptTabAnswer(pending, { ...answer, senderUrl: landed.toString() }, Date.now());
    const session = await exchangeCode(BACKEND, pending.redirectUri, code, pending.verifier, appFetch);
    expect(session.user.id).toBe(USERS.east.id);
    const client = createBackendClient(BACKEND, session.access_token, appFetch);
    expect((await client.me()).user.email).toBe(USERS.east.email);
  });
});
