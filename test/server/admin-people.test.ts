import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { deactivateUser } from '../../server/sessions/deactivate.ts';
import { createSession } from '../../server/sessions/sessions.ts';
import { adminCall } from './admin-client.ts';
import { BACKENDS } from './backends.ts';
import { USERS } from './fixtures.ts';
import { authorizePath, codeFrom, pkce, REDIRECT } from './signin-client.ts';
import { testHarness } from './suite-harness.ts';

describe.each(BACKENDS)('admins inviting people and managing their devices on $name', (backend) => {
  const h = testHarness(backend);
  const clock = Date.parse('2026-12-01T09:00:00Z');

  const invite = async (email: unknown, who: 'admin' | 'lead' = 'admin', app = h.app) => {
    const response = await app.request('/v1/admin/invitations', {
      method: 'POST',
      headers: { Authorization: `Bearer ${h.tokens[who]}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    return { status: response.status, body: await response.json() };
  };

  it('gives a one-time link on the public address, valid 7 days, that signs the person in', async () => {
    const app = createApp(h.db, {
      logError: () => {},
      now: () => clock,
      signIn: { redirectUris: [REDIRECT], publicUrl: 'https://lens.example.com/' },
    });
    const { status, body } = await invite(USERS.east.email.toUpperCase(), 'admin', app);
    expect(status).toBe(200);
    expect(body.expiresAt).toBe('2026-12-08T09:00:00.000Z');
    const url = new URL(body.url);
    expect(url.origin).toBe('https://lens.example.com');
    const secret = url.pathname.replace('/auth/invite/', '');

    const signIn = () => app.request(authorizePath(pkce().challenge, { invitation: secret }));
    expect(codeFrom(await signIn())).not.toBeNull();
    expect(codeFrom(await signIn())).toBeNull(); // spent
  });

  it('is for admins only, and names what is wrong with the email', async () => {
    expect((await invite(USERS.east.email, 'lead')).status).toBe(403);

    const malformed = await invite('not-an-email');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'invalid_email', details: { field: 'email' } });

    const stranger = await invite('nobody@example.com');
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.message).toContain('nobody@example.com');

    await deactivateUser(h.db, USERS.east.id);
    expect((await invite(USERS.east.email)).status).toBe(404);
    // Nothing was stored for the refused requests.
    const [row] = await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM invitations');
    expect(row?.n).toBe(0);
    expect((await adminCall(h, 'admin', 'GET', '/v1/me')).status).toBe(200);
  });

  it("lists anyone's signed-in devices for an admin and signs one out", async () => {
    const { session, token } = await createSession(h.db, USERS.east.id, 'Firefox on Linux');
    await createSession(h.db, USERS.lead.id, 'Chrome on macOS');
    const listed = await adminCall(h, 'admin', 'GET', `/v1/admin/sessions?userId=${USERS.east.id}`);
    expect((await listed.json()).sessions).toEqual([
      expect.objectContaining({ id: session.id, userId: USERS.east.id, name: 'Firefox on Linux' }),
    ]);
    const everyone = await (await adminCall(h, 'admin', 'GET', '/v1/admin/sessions')).json();
    expect(everyone.sessions).toHaveLength(2);

    expect((await adminCall(h, 'lead', 'GET', '/v1/admin/sessions')).status).toBe(403);
    expect((await adminCall(h, 'lead', 'DELETE', `/v1/admin/sessions/${session.id}`)).status).toBe(403);
    expect((await adminCall(h, 'admin', 'DELETE', `/v1/admin/sessions/${session.id}`)).status).toBe(204);
    const me = await h.app.request('/v1/me', { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(401);
    const again = await adminCall(h, 'admin', 'DELETE', `/v1/admin/sessions/${session.id}`);
    expect(again.status).toBe(404);
  });
});
