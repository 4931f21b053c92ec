import { describe, expect, it } from 'vitest';
import { createSession } from '../../server/sessions/sessions.ts';
import { BACKENDS } from './backends.ts';
import { USERS } from './fixtures.ts';
import { outcome, post } from './outcome-client.ts';
import { PATCH_SCHEMA as PATCH, scim as scimRequest, USER_SCHEMA as USER } from './scim-client.ts';
import { testHarness } from './suite-harness.ts';

describe.each(BACKENDS)('SCIM 2.0 on $name', (backend) => {
  const h = testHarness(backend);

  const scim = (method: string, path: string, body?: unknown, token?: string) =>
    scimRequest(h, method, path, body, token);

  it('refuses API tokens and unknown tokens: provisioning has a token of its own', async () => {
    expect((await scim('GET', '/Users', undefined, h.tokens.admin)).status).toBe(401);
    const refused = await scim('GET', '/Users', undefined, 'glscim_nope');
    expect(refused.body).toMatchObject({
      status: '401',
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
    });
  });

  it('provisions a user as Okta does: look up by userName, create, then deactivate with a path-less PATCH', async () => {
    const lookup = await scim(
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "ann@example.com"')}&startIndex=1&count=100`,
    );
    expect(lookup.body).toMatchObject({ totalResults: 0, Resources: [] });
    // Okta's documented create request.
    const created = await scim('POST', '/Users', {
      schemas: [USER],
      userName: 'ann@example.com',
      name: { givenName: 'Ann', familyName: 'Able' },
      emails: [{ primary: true, value: 'ann@example.com', type: 'work' }],
      displayName: 'Ann Able',
      locale: 'en-US',
      externalId: '00u1abcd',
      groups: [],
      password: 'ignored',
      active: true,
    });
    expect(created.status).toBe(201);
    expect(created.type).toContain('application/scim+json');
    expect(created.body).toMatchObject({ userName: 'ann@example.com', active: true, externalId: '00u1abcd' });
    const id = created.body.id;
    expect((await scim('POST', '/Users', { schemas: [USER], userName: 'ANN@example.com' })).status).toBe(409);

    const found = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "ann@example.com"')}`);
    expect(found.body.Resources.map((u: { id: string }) => u.id)).toEqual([id]);
    // The new person is synced to everyone like an imported user.
    const changes = await (await h.get('/v1/changes?limit=1000', 'lead')).json();
    expect(changes.changes).toContainEqual(
      expect.objectContaining({ type: 'user', id, data: expect.objectContaining({ name: 'Ann Able' }) }),
    );

    const off = await scim('PATCH', `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(off.body.active).toBe(false);
    const again = await scim('PUT', `/Users/${id}`, {
      ...created.body,
      name: { givenName: 'Ann', familyName: 'Baker' },
      displayName: undefined,
      active: true,
    });
    expect(again.body).toMatchObject({ active: true, displayName: 'Ann Baker' });
  });

  it('deactivates a user as Entra ID does: sessions end, API tokens stop, outcomes stay', async () => {
    await post(h, 'east', [outcome('east')]);
    const { token: session } = await createSession(h.db, USERS.east.id, 'Chrome on macOS');
    // Entra ID's documented PATCH: capitalised ops, a path, and booleans as strings.
    const patched = await scim('PATCH', `/Users/${USERS.east.id}`, {
      schemas: [PATCH],
      Operations: [
        { op: 'Replace', path: 'name.familyName', value: 'Easton' },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'eve.easton@example.com' },
        { op: 'Replace', path: 'active', value: 'False' },
      ],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      active: false,
      userName: 'eve.easton@example.com',
      displayName: 'Eve Easton',
    });

    for (const token of [session, h.tokens.east]) {
      const me = await h.app.request('/v1/me', { headers: { Authorization: `Bearer ${token}` } });
      expect(me.status).toBe(401);
    }
    // Revoked, not suspended: reactivating does not bring the old session back.
    await scim('PATCH', `/Users/${USERS.east.id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Replace', path: 'active', value: 'True' }],
    });
    const revived = await h.app.request('/v1/me', { headers: { Authorization: `Bearer ${session}` } });
    expect(revived.status).toBe(401);
    const [kept] = await h.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outcomes WHERE data->>'loggedBy' = $1",
      [USERS.east.id],
    );
    expect(kept?.n).toBe(1);

    // Entra ID checks by filter before it creates, and DELETE archives rather than erases.
    const byName = await scim(
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "eve.easton@example.com"')}`,
    );
    expect(byName.body.totalResults).toBe(1);
    expect((await scim('DELETE', `/Users/${USERS.west.id}`)).status).toBe(204);
    expect((await scim('GET', `/Users/${USERS.west.id}`)).body.active).toBe(false);
  });

  it('says clearly what it cannot do', async () => {
    const filter = await scim('GET', `/Users?filter=${encodeURIComponent('name.familyName co "x"')}`);
    expect(filter.body).toMatchObject({ status: '400', scimType: 'invalidFilter' });
    expect((await scim('GET', '/Users/nobody')).status).toBe(404);
    expect((await scim('POST', '/Users', { userName: 'not an email' })).body.scimType).toBe('invalidValue');
  });
});
