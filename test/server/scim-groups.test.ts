import { describe, expect, it } from 'vitest';
import { adminCall, putItems } from './admin-client.ts';
import { BACKENDS } from './backends.ts';
import { idsOf, newSync, pull } from './feed-client.ts';
import { USERS } from './fixtures.ts';
import { GROUP_SCHEMA, PATCH_SCHEMA, scim } from './scim-client.ts';
import { testHarness } from './suite-harness.ts';

const EAST_ACCOUNTS = ['a1', 'a2', 'a3', 'a4'];
const WEST_ACCOUNTS = ['w1', 'w2', 'w3'];

describe.each(BACKENDS)('SCIM groups are teams on $name', (backend) => {
  const h = testHarness(backend);

  const teamOf = async (userId: string) =>
    (await h.db.query<{ team_id: string | null }>('SELECT team_id FROM users WHERE id = $1', [userId]))[0]
      ?.team_id;
  const accountsOf = async (teamId: string) =>
    (
      await h.db.query<{ id: string }>('SELECT id FROM accounts WHERE audience = $1 ORDER BY id', [
        `team:${teamId}`,
      ])
    ).map((row) => row.id);

  it('creates a team from an Okta group with members: its name is in the feed and the accounts follow', async () => {
    const teammate = newSync();
    await pull(h, 'eastRep', teammate);
    expect(idsOf(teammate.log, 'account')).toEqual(EAST_ACCOUNTS);

    // Okta's documented Push Groups request.
    const created = await scim(h, 'POST', '/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'North',
      members: [{ value: USERS.east.id, display: USERS.east.email }],
    });
    expect(created.status).toBe(201);
    const teamId = created.body.id;
    expect(created.body).toMatchObject({ displayName: 'North', members: [{ value: USERS.east.id }] });

    const everyone = newSync();
    await pull(h, 'westRep', everyone);
    expect(everyone.cache.get(`team:${teamId}`)).toMatchObject({ id: teamId, name: 'North', source: 'scim' });
    // Eve's accounts left her old team: its members are told to drop them; she sees them in hers.
    const moved = await pull(h, 'eastRep', teammate);
    expect(idsOf(moved, 'account', 'delete')).toEqual(EAST_ACCOUNTS);
    expect(await accountsOf(teamId)).toEqual(EAST_ACCOUNTS);
    const eve = newSync();
    await pull(h, 'east', eve);
    expect(idsOf(eve.log, 'account')).toEqual(EAST_ACCOUNTS);

    // The team is a real one: the admin API accepts a user naming it, and the audit says SCIM wrote.
    expect((await putItems(h, 'users', [{ ...USERS.westRep, teamId }])).status).toBe(200);
    const audit = await (await adminCall(h, 'admin', 'GET', '/v1/admin/audit?limit=1000')).json();
    expect(audit.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'scim', collection: 'teams', op: 'upsert', ids: [teamId] }),
        expect.objectContaining({ source: 'scim', collection: 'users', ids: [USERS.east.id] }),
      ]),
    );
    const listed = await scim(h, 'GET', `/Groups?filter=${encodeURIComponent('displayName eq "North"')}`);
    expect(listed.body.Resources.map((g: { id: string }) => g.id)).toEqual([teamId]);
    expect((await scim(h, 'POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'North' })).status).toBe(
      409,
    );
    // Okta renames with a path-less PATCH that repeats the id.
    const renamed = await scim(h, 'PATCH', `/Groups/${teamId}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [{ op: 'replace', value: { id: teamId, displayName: 'North America' } }],
    });
    expect(renamed.body.displayName).toBe('North America');
    const lead = newSync();
    await pull(h, 'lead', lead);
    expect(lead.cache.get(`team:${teamId}`)).toMatchObject({ name: 'North America' });
  });

  it('adds and removes members as Entra ID does, and renames the team', async () => {
    // Entra ID creates the group empty, then PATCHes members in and out with a value list.
    const created = await scim(h, 'POST', '/Groups', {
      schemas: [GROUP_SCHEMA],
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'Renewals',
      members: [],
    });
    const teamId = created.body.id;
    expect(created.body.externalId).toBe('8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159');
    const add = await scim(h, 'PATCH', `/Groups/${teamId}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [
        { op: 'Add', path: 'members', value: [{ value: USERS.west.id }, { value: USERS.westRep.id }] },
      ],
    });
    expect(add.status).toBe(200);
    expect(await teamOf(USERS.west.id)).toBe(teamId);
    expect(await accountsOf(teamId)).toEqual(WEST_ACCOUNTS);
    expect(await accountsOf('west')).toEqual([]);

    await scim(h, 'PATCH', `/Groups/${teamId}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [
        { op: 'Remove', path: 'members', value: [{ value: USERS.west.id }] },
        { op: 'Replace', path: 'displayName', value: 'Renewals EMEA' },
      ],
    });
    expect(await teamOf(USERS.west.id)).toBeNull();
    expect(await teamOf(USERS.westRep.id)).toBe(teamId);
    // An account whose owner has no team is for leads only.
    expect(await accountsOf(teamId)).toEqual([]);
    const lead = newSync();
    await pull(h, 'lead', lead);
    expect(lead.cache.get(`team:${teamId}`)).toMatchObject({ name: 'Renewals EMEA' });
    expect(lead.cache.get(`user:${USERS.west.id}`)).not.toHaveProperty('teamId');
  });

  it('deletes a group: members leave the team, then the team goes from the feed', async () => {
    const created = await scim(h, 'POST', '/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Short-lived',
      members: [{ value: USERS.east.id }],
    });
    const teamId = created.body.id;
    const lead = newSync();
    await pull(h, 'lead', lead);
    expect(lead.cache.has(`team:${teamId}`)).toBe(true);

    expect((await scim(h, 'DELETE', `/Groups/${teamId}`)).status).toBe(204);
    expect(await teamOf(USERS.east.id)).toBeNull();
    const after = await pull(h, 'lead', lead);
    expect(idsOf(after, 'team', 'delete')).toEqual([teamId]);
    expect(lead.cache.get(`user:${USERS.east.id}`)).not.toHaveProperty('teamId');
    expect((await scim(h, 'GET', `/Groups/${teamId}`)).status).toBe(404);
    // A team made by the admin API is a group too, and goes the same way.
    expect((await scim(h, 'DELETE', '/Groups/west')).status).toBe(204);
    expect(await teamOf(USERS.west.id)).toBeNull();
  });
});
