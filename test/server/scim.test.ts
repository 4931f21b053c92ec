import { describe, expect, it } from 'vitest';
import { createScimToken } from '../../server/scim/tokens.ts';
import { createSession } from '../../server/sessions/sessions.ts';
import { BACKENDS } from './backends.ts';
import { USERS } from './fixtures.ts';
import { outcome, post } from './outcome-client.ts';
import { testHarness } from './suite-harness.ts';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

describe.each(BACKENDS)('SCIM 2.0 on $name', (backend) => {
  const h = testHarness(backend);

  async function scim(method: string, path: string, body?: unknown, token?: string) {
    const bearer = token ?? (await createScimToken(h.db));
    const response = await h.app.request(`/scim/v2${path}`, {
      method,
      headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/scim+json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get('Content-Type'),
      body: text ? JSON.parse(text) : null,
    };
  }

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

  it('turns groups into teams: create with members, add and remove as Entra ID, rename as Okta', async () => {
    const created = await scim('POST', '/Groups', {
      schemas: [GROUP],
      displayName: 'North',
      members: [{ value: USERS.east.id }],
    });
    expect(created.status).toBe(201);
    const teamId = created.body.id;
    const teamOf = async (userId: string) =>
      (await h.db.query<{ team_id: string | null }>('SELECT team_id FROM users WHERE id = $1', [userId]))[0]
        ?.team_id;
    expect(await teamOf(USERS.east.id)).toBe(teamId);

    await scim('PATCH', `/Groups/${teamId}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Add', path: 'members', value: [{ value: USERS.west.id }] }],
    });
    expect(await teamOf(USERS.west.id)).toBe(teamId);
    await scim('PATCH', `/Groups/${teamId}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Remove', path: `members[value eq "${USERS.east.id}"]` }],
    });
    expect(await teamOf(USERS.east.id)).toBeNull();

    const renamed = await scim('PATCH', `/Groups/${teamId}`, {
      schemas: [PATCH],
      Operations: [{ op: 'replace', value: { id: teamId, displayName: 'North America' } }],
    });
    expect(renamed.body).toMatchObject({ displayName: 'North America', members: [{ value: USERS.west.id }] });
    const found = await scim('GET', `/Groups?filter=${encodeURIComponent('displayName eq "North America"')}`);
    expect(found.body.totalResults).toBe(1);

    expect((await scim('DELETE', `/Groups/${teamId}`)).status).toBe(204);
    expect(await teamOf(USERS.west.id)).toBeNull();
  });

  it('says clearly what it cannot do', async () => {
    const filter = await scim('GET', `/Users?filter=${encodeURIComponent('name.familyName co "x"')}`);
    expect(filter.body).toMatchObject({ status: '400', scimType: 'invalidFilter' });
    expect((await scim('GET', '/Users/nobody')).status).toBe(404);
    expect((await scim('POST', '/Users', { userName: 'not an email' })).body.scimType).toBe('invalidValue');
  });
});
