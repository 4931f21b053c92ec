import { describe, expect, it } from 'vitest';
import { createSession } from '../../server/sessions/sessions.ts';
import { adminCall } from './admin-client.ts';
import { BACKENDS } from './backends.ts';
import { USERS } from './fixtures.ts';
import { outcome, post } from './outcome-client.ts';
import { testHarness } from './suite-harness.ts';

describe.each(BACKENDS)('deactivating a user by hand on $name', (backend) => {
  const h = testHarness(backend);

  const deactivate = async (id: string, who: keyof typeof USERS = 'admin') => {
    const response = await adminCall(h, who, 'POST', `/v1/admin/users/${id}/deactivate`);
    return { status: response.status, body: await response.json() };
  };
  const me = async (token: string) =>
    (await h.app.request('/v1/me', { headers: { Authorization: `Bearer ${token}` } })).status;

  it('signs the person out everywhere and stops their API tokens; their outcomes stay', async () => {
    await post(h, 'east', [outcome('east')]);
    const { token: session } = await createSession(h.db, USERS.east.id, 'Firefox on Linux');
    expect(await me(session)).toBe(200);

    expect((await deactivate(USERS.east.id, 'eastRep')).status).toBe(403);
    expect(await deactivate(USERS.east.id)).toEqual({
      status: 200,
      body: { id: USERS.east.id, deactivated: true, sessionsRevoked: 1 },
    });
    expect(await me(session)).toBe(401);
    expect(await me(h.tokens.east)).toBe(401);
    const [kept] = await h.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outcomes WHERE data->>'loggedBy' = $1",
      [USERS.east.id],
    );
    expect(kept?.n).toBe(1);
    // Again: nothing left to revoke, and nothing breaks.
    expect((await deactivate(USERS.east.id)).body.sessionsRevoked).toBe(0);
  });

  it('names what is wrong: an unknown user, or an admin deactivating themselves', async () => {
    const unknown = await deactivate('u-nobody');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('u-nobody');
    const self = await deactivate(USERS.admin.id);
    expect(self.status).toBe(400);
    expect(self.body.error.code).toBe('cannot_deactivate_self');
    expect(await me(h.tokens.admin)).toBe(200);
  });
});
