import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import type { Db } from '../../server/db/types.ts';
import { importSnapshot } from '../../server/import.ts';
import { openIdConnect } from '../../server/signin/oidc.ts';
import { BACKENDS } from './backends.ts';
import { smallSnapshot, USERS } from './fixtures.ts';
import { SignInWindow } from './oidc-browser.ts';
import { CLIENT, type RunningProvider, startProvider } from './oidc-provider.ts';
import { authorizePath, codeFrom, pkce, REDIRECT, tokenRequest } from './signin-client.ts';

/** Where browsers reach the backend; the app itself runs in-process. */
const BACKEND = 'http://127.0.0.1:8799';

describe.each(BACKENDS)('signing in through OpenID Connect on $name', (backend) => {
  let db: Db;
  let idp: RunningProvider;
  let clock = Date.now();
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await backend.open();
    await importSnapshot(db, smallSnapshot());
    idp = await startProvider(`${BACKEND}/auth/callback`);
    const identityProvider = openIdConnect({
      issuer: idp.issuer,
      clientId: CLIENT.id,
      clientSecret: CLIENT.secret,
    });
    app = createApp(db, {
      logError: () => {},
      now: () => clock,
      signIn: { redirectUris: [REDIRECT], publicUrl: BACKEND, identityProvider },
    });
  });
  afterAll(async () => {
    await idp?.close();
    await db?.close();
  });

  const window = () => new SignInWindow(app, BACKEND, idp.issuer);
  const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

  it('signs a person in with the company login and hands the extension a device session', async () => {
    const pair = pkce();
    const { response } = await window().signIn(authorizePath(pair.challenge), 'eve');
    const redirect = codeFrom(response);
    expect(redirect?.state).toBe('state-from-extension');

    const exchanged = await app.request('/auth/token', tokenRequest(redirect?.code ?? '', pair.verifier));
    expect(exchanged.status).toBe(200);
    const session = await exchanged.json();
    expect(session.user.id).toBe(USERS.east.id);
    // The identity provider's own tokens never reach the extension.
    expect(Object.keys(session).sort()).toEqual(['access_token', 'session_id', 'token_type', 'user']);
    expect((await (await app.request('/v1/me', bearer(session.access_token))).json()).user.id).toBe(
      USERS.east.id,
    );
  });

  it('refuses a callback whose state is not one it started, and one replayed', async () => {
    const browser = window();
    const started = await browser.open(BACKEND + authorizePath(pkce().challenge));
    expect(started.url).toContain('/interaction/');
    const forged = await app.request('/auth/callback?code=made-up&state=not-ours');
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('This sign-in is no longer valid');

    const pair = pkce();
    const signedIn = await window().signIn(authorizePath(pair.challenge), 'eve');
    expect(codeFrom(signedIn.response)).not.toBeNull();
    // The same provider answer, delivered again, is refused.
    const replay = await app.request(signedIn.url.slice(BACKEND.length));
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('This sign-in is no longer valid');
  });

  it('refuses a provider answer that belongs to another sign-in', async () => {
    // Two sign-ins; the code of the first arrives with the state of the second.
    const callback = async () => {
      const stopped = await new SignInWindow(app, BACKEND, idp.issuer, true).signIn(
        authorizePath(pkce().challenge),
        'eve',
      );
      return new URL(stopped.response.headers.get('Location') ?? '');
    };
    const [a, b] = [await callback(), await callback()];
    expect(a.pathname).toBe('/auth/callback');
    const swapped = new URL(a);
    swapped.searchParams.set('state', b.searchParams.get('state') ?? '');
    const response = await app.request(swapped.pathname + swapped.search);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('could not be verified');
  });

  it('refuses a code used twice, after 60 seconds, or with the wrong verifier', async () => {
    const codeFor = async (pair: ReturnType<typeof pkce>) =>
      codeFrom((await window().signIn(authorizePath(pair.challenge), 'eve')).response)?.code ?? '';

    const reused = pkce();
    const code = await codeFor(reused);
    const first = await app.request('/auth/token', tokenRequest(code, reused.verifier));
    expect(first.status).toBe(200);
    const again = await app.request('/auth/token', tokenRequest(code, reused.verifier));
    expect(again.status).toBe(400);
    expect((await again.json()).error.message).toContain('already used');
    expect((await app.request('/v1/me', bearer((await first.json()).access_token))).status).toBe(401);

    const late = pkce();
    const lateCode = await codeFor(late);
    clock += 60_000;
    const expired = await app.request('/auth/token', tokenRequest(lateCode, late.verifier));
    expect((await expired.json()).error.message).toContain('expired');

    const mismatch = pkce();
    const mismatchCode = await codeFor(mismatch);
    const wrong = await app.request('/auth/token', tokenRequest(mismatchCode, pkce().verifier));
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.message).toContain('code_verifier');
  });

  it('tells someone Goal Lens does not know, on a page and without a code', async () => {
    const { response } = await window().signIn(authorizePath(pkce().challenge), 'stranger');
    expect(response.status).toBe(403);
    expect(response.headers.get('Content-Type')).toContain('text/html');
    expect(await response.text()).toContain('No Goal Lens account for you yet');
  });

  it("accepts Entra ID's domain-owner-verified email claim", async () => {
    const pair = pkce();
    const { response } = await window().signIn(authorizePath(pair.challenge), 'entra');
    const exchanged = await app.request(
      '/auth/token',
      tokenRequest(codeFrom(response)?.code ?? '', pair.verifier),
    );
    expect((await exchanged.json()).user.id).toBe(USERS.west.id);
  });

  it('does not trust an email the provider has not verified', async () => {
    const { response } = await window().signIn(authorizePath(pkce().challenge), 'unverified');
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('not verified');
  });

  it('never sends anyone to the identity provider for a redirect URI outside the allow-list', async () => {
    const path = authorizePath(pkce().challenge, {}, 'https://evil.example/signin');
    const response = await app.request(path);
    expect(response.status).toBe(400);
    expect(response.headers.get('Location')).toBeNull();
  });
});
