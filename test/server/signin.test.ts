import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createToken } from '../../server/auth/tokens.ts';
import { openDb } from '../../server/db/open.ts';
import type { Db } from '../../server/db/types.ts';
import { importSnapshot } from '../../server/import.ts';
import { deactivateUser, reactivateUser } from '../../server/sessions/deactivate.ts';
import { ROTATION_GRACE_MS } from '../../server/sessions/sessions.ts';
import { createInvitation } from '../../server/signin/invitations.ts';
import { BACKENDS } from './backends.ts';
import { smallSnapshot, USERS } from './fixtures.ts';
import { authorizePath, codeFrom, pkce, REDIRECT, tokenRequest } from './signin-client.ts';

/** In-process requests are addressed to this origin, so it is the backend's own tab-return page. */
const TAB_RETURN = 'http://localhost/auth/done';

const CHROME_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describe.each(BACKENDS)('signing in with an invitation on $name', (backend) => {
  let db: Db;
  let clock = Date.parse('2026-12-01T09:00:00Z');
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await backend.open();
    await importSnapshot(db, smallSnapshot());
    app = createApp(db, { logError: () => {}, now: () => clock, signIn: { redirectUris: [REDIRECT] } });
  });
  afterAll(() => db.close());

  const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

  async function signIn(email: string, pair = pkce()) {
    const invitation = await createInvitation(db, email, clock);
    const started = await app.request(authorizePath(pair.challenge, { invitation }), {
      headers: { 'User-Agent': CHROME_MAC },
    });
    const redirect = codeFrom(started);
    if (!redirect) throw new Error(`no code: ${started.status} ${await started.text()}`);
    return { ...redirect, pair };
  }

  async function exchange(code: string, verifier: string, redirectUri = REDIRECT) {
    return app.request('/auth/token', tokenRequest(code, verifier, redirectUri));
  }

  it('turns an invitation into a device session named for the browser, which the API accepts', async () => {
    const { code, state, pair } = await signIn(USERS.east.email);
    expect(state).toBe('state-from-extension');
    const response = await exchange(code, pair.verifier);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const body = await response.json();
    expect(body).toMatchObject({ token_type: 'Bearer', user: { id: USERS.east.id } });
    expect(body.access_token).toMatch(/^gls_/);

    const me = await app.request('/v1/me', bearer(body.access_token));
    expect((await me.json()).user.id).toBe(USERS.east.id);
    const stored = await db.query('SELECT * FROM device_sessions');
    expect(JSON.stringify(stored)).not.toContain(body.access_token);

    const sessions = await (await app.request('/v1/sessions', bearer(body.access_token))).json();
    expect(sessions.sessions).toEqual([
      expect.objectContaining({ id: body.session_id, name: 'Chrome on macOS', current: true }),
    ]);
  });

  it('shows an opened invitation link as a page that says what to do, without spending it', async () => {
    const invitation = await createInvitation(db, USERS.west.email, clock);
    const opened = await app.request(`/auth/invite/${invitation}`);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('click Sign in');
    expect(codeFrom(await app.request(authorizePath(pkce().challenge, { invitation })))).not.toBeNull();
  });

  it('ends a sign-in in a normal tab on its own page, the code in the fragment, and exchanges it once', async () => {
    const invitation = await createInvitation(db, USERS.west.email, clock);
    const pair = pkce();
    const started = await app.request(authorizePath(pair.challenge, { invitation }, TAB_RETURN));
    expect(started.status).toBe(302);
    const landed = new URL(started.headers.get('Location') ?? '');
    expect(`${landed.origin}${landed.pathname}`).toBe(TAB_RETURN);
    // Nothing for access logs or a Referer: the code is only in the fragment.
    expect(landed.search).toBe('');
    const answer = new URLSearchParams(landed.hash.slice(1));
    expect(answer.get('state')).toBe('state-from-extension');
    const code = answer.get('code') ?? '';
    const page = await app.request(landed.pathname);
    expect(page.status).toBe(200);
    expect(page.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(await page.text()).toContain('id="goal-lens-signin-status"');

    expect((await exchange(code, pkce().verifier, TAB_RETURN)).status).toBe(400);
    const other = createInvitation(db, USERS.west.email, clock);
    const again = await app.request(authorizePath(pair.challenge, { invitation: await other }, TAB_RETURN));
    const second = new URLSearchParams(new URL(again.headers.get('Location') ?? '').hash.slice(1));
    const exchanged = await exchange(second.get('code') ?? '', pair.verifier, TAB_RETURN);
    expect(exchanged.status).toBe(200);
    expect((await exchanged.json()).user.id).toBe(USERS.west.id);
  });

  it('allows only its own tab-return page, not one on another host', async () => {
    const invitation = await createInvitation(db, USERS.west.email, clock);
    const elsewhere = 'https://evil.example/auth/done';
    const response = await app.request(authorizePath(pkce().challenge, { invitation }, elsewhere));
    expect(response.status).toBe(400);
    expect(response.headers.get('Location')).toBeNull();
  });

  it('uses an invitation once', async () => {
    const invitation = await createInvitation(db, USERS.west.email, clock);
    expect(codeFrom(await app.request(authorizePath(pkce().challenge, { invitation })))).not.toBeNull();
    const again = await app.request(authorizePath(pkce().challenge, { invitation }));
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('invitation no longer works');
  });

  it('never redirects to a URI outside the allow-list, even one that only starts like an allowed one', async () => {
    const invitation = await createInvitation(db, USERS.west.email, clock);
    for (const uri of [`${REDIRECT}/../evil`, `${REDIRECT}x`, 'https://evil.example/signin']) {
      const response = await app.request(authorizePath(pkce().challenge, { invitation }, uri));
      expect(response.status).toBe(400);
      expect(response.headers.get('Location')).toBeNull();
      expect(await response.text()).toContain('is not one this backend allows');
    }
  });

  it('refuses a verifier that does not match the challenge, and the code is spent', async () => {
    const { code, pair } = await signIn(USERS.west.email);
    const wrong = await exchange(code, pkce().verifier);
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error).toMatchObject({
      code: 'invalid_grant',
      message: expect.stringContaining('code_verifier'),
    });
    expect((await exchange(code, pair.verifier)).status).toBe(400);
  });

  it('refuses a code used twice and signs out the session it made', async () => {
    const { code, pair } = await signIn(USERS.west.email);
    const first = await (await exchange(code, pair.verifier)).json();
    const second = await exchange(code, pair.verifier);
    expect(second.status).toBe(400);
    expect((await second.json()).error.message).toContain('already used');
    expect((await app.request('/v1/me', bearer(first.access_token))).status).toBe(401);
  });

  it('refuses a code after 60 seconds', async () => {
    const { code, pair } = await signIn(USERS.west.email);
    clock += 60_000;
    const late = await exchange(code, pair.verifier);
    expect(late.status).toBe(400);
    expect((await late.json()).error.message).toContain('expired');
  });

  it('refuses a code presented with another redirect URI', async () => {
    const { code, pair } = await signIn(USERS.west.email);
    const other = await exchange(code, pair.verifier, 'https://evil.example/signin');
    expect(other.status).toBe(400);
    expect((await other.json()).error.message).toContain('redirect_uri');
  });

  it('refuses a start without S256 PKCE or state', async () => {
    const { challenge } = pkce();
    expect((await app.request(authorizePath(challenge, { code_challenge_method: 'plain' }))).status).toBe(
      400,
    );
    expect((await app.request(authorizePath(challenge, { state: '' }))).status).toBe(400);
    expect((await app.request(authorizePath('short'))).status).toBe(400);
  });

  it('lets a person sign out one device, and an admin sign out anyone', async () => {
    const phone = await (await exchange(...codeAndVerifier(await signIn(USERS.eastRep.email)))).json();
    const laptop = await (await exchange(...codeAndVerifier(await signIn(USERS.eastRep.email)))).json();
    const admin = await (await exchange(...codeAndVerifier(await signIn(USERS.admin.email)))).json();

    const others = await app.request(
      `/v1/sessions?userId=${USERS.eastRep.id}`,
      bearer(
        (await (await exchange(...codeAndVerifier(await signIn(USERS.west.email)))).json()).access_token,
      ),
    );
    expect(others.status).toBe(403);

    expect(
      (
        await app.request(`/v1/sessions/${laptop.session_id}`, {
          method: 'DELETE',
          ...bearer(admin.access_token),
        })
      ).status,
    ).toBe(204);
    expect((await app.request('/v1/me', bearer(laptop.access_token))).status).toBe(401);
    const mine = await (await app.request('/v1/sessions', bearer(phone.access_token))).json();
    expect(mine.sessions.map((s: { id: string }) => s.id)).toEqual([phone.session_id]);

    const listed = await (
      await app.request(`/v1/sessions?userId=${USERS.eastRep.id}`, bearer(admin.access_token))
    ).json();
    expect(listed.sessions.map((s: { id: string }) => s.id)).toEqual([phone.session_id]);

    const stranger = await app.request(`/v1/sessions/${admin.session_id}`, {
      method: 'DELETE',
      ...bearer(phone.access_token),
    });
    expect(stranger.status).toBe(404);
    expect((await app.request('/v1/me', bearer(admin.access_token))).status).toBe(200);

    expect(
      (
        await app.request(`/v1/sessions/${phone.session_id}`, {
          method: 'DELETE',
          ...bearer(phone.access_token),
        })
      ).status,
    ).toBe(204);
    expect((await app.request('/v1/me', bearer(phone.access_token))).status).toBe(401);
  });

  it('signs a deactivated user out of every device and refuses their invitations', async () => {
    const a = await (await exchange(...codeAndVerifier(await signIn(USERS.westRep.email)))).json();
    const b = await (await exchange(...codeAndVerifier(await signIn(USERS.westRep.email)))).json();
    const pending = await createInvitation(db, USERS.westRep.email, clock);
    await deactivateUser(db, USERS.westRep.id);
    for (const session of [a, b])
      expect((await app.request('/v1/me', bearer(session.access_token))).status).toBe(401);
    expect((await app.request(authorizePath(pkce().challenge, { invitation: pending }))).status).toBe(400);
    // Revoked, not merely suspended: coming back means signing in again.
    await reactivateUser(db, USERS.westRep.id);
    for (const session of [a, b])
      expect((await app.request('/v1/me', bearer(session.access_token))).status).toBe(401);
  });

  it('rotates a device session: the new token works, the old one only for the grace, hashes at rest', async () => {
    const first = await (await exchange(...codeAndVerifier(await signIn(USERS.east.email)))).json();
    const rotate = (token: string) =>
      app.request('/v1/sessions/current/rotate', { method: 'POST', ...bearer(token) });
    const rotated = await rotate(first.access_token);
    expect(rotated.status).toBe(200);
    const second = await rotated.json();
    expect(second.session_id).toBe(first.session_id);
    expect(second.access_token).toMatch(/^gls_/);
    expect(second.access_token).not.toBe(first.access_token);
    const stored = JSON.stringify(await db.query('SELECT * FROM device_sessions'));
    expect(stored).not.toContain(second.access_token);
    expect(stored).not.toContain(first.access_token);

    expect((await app.request('/v1/me', bearer(second.access_token))).status).toBe(200);
    // Requests already on their way with the old token still go through for a moment…
    expect((await app.request('/v1/me', bearer(first.access_token))).status).toBe(200);
    clock += ROTATION_GRACE_MS;
    // …and then never again, while the new one goes on, as the same device.
    expect((await app.request('/v1/me', bearer(first.access_token))).status).toBe(401);
    const listed = await (await app.request('/v1/sessions', bearer(second.access_token))).json();
    expect(listed.sessions.filter((s: { current: boolean }) => s.current)).toEqual([
      expect.objectContaining({ id: first.session_id }),
    ]);

    await app.request(`/v1/sessions/${first.session_id}`, {
      method: 'DELETE',
      ...bearer(second.access_token),
    });
    expect((await rotate(second.access_token)).status).toBe(401);
  });

  it('does not rotate an API token', async () => {
    const token = await createToken(db, USERS.east.email);
    const response = await app.request('/v1/sessions/current/rotate', { method: 'POST', ...bearer(token) });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('not_a_session');
  });

  function codeAndVerifier(signedIn: { code: string; pair: { verifier: string } }): [string, string] {
    return [signedIn.code, signedIn.pair.verifier];
  }
});

describe('sign-in rate limit', () => {
  it('answers 429 with Retry-After once an address exceeds the limit', async () => {
    const db = await openDb({ kind: 'memory' });
    const app = createApp(db, {
      signIn: { redirectUris: [REDIRECT], rateLimit: { requests: 3, windowSeconds: 60 } },
    });
    const responses: Response[] = [];
    for (let i = 0; i < 4; i++) responses.push(await app.request(authorizePath(pkce().challenge)));
    expect(responses.map((r) => r.status)).toEqual([400, 400, 400, 429]);
    expect(responses[3]?.headers.get('Retry-After')).toBe('20');
    await db.close();
  });
});
