import { describe, expect, it } from 'vitest';
import { BACKENDS } from './backends.ts';
import { account, type Harness, USERS } from './fixtures.ts';
import { suiteHarness } from './suite-harness.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests read response fields directly and assert on them.
type Json = any;

function item(id: string) {
  const { updatedAt: _, ...rest } = account(id, USERS.east.id, { attributes: { arr: 1, segment: 'smb' } });
  return rest;
}

async function call(h: Harness, method: string, path: string, body: unknown, source?: string) {
  const response = await h.app.request(path, {
    method,
    headers: {
      Authorization: `Bearer ${h.tokens.admin}`,
      'Content-Type': 'application/json',
      ...(source === undefined ? {} : { 'X-Goal-Lens-Source': source }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

async function lastAudit(h: Harness) {
  const { body } = await call(h, 'GET', '/v1/admin/audit?limit=1000', undefined);
  return body.entries.at(-1);
}

describe.each(BACKENDS)('admin workspace writes on $name', (backend) => {
  const h = suiteHarness(backend);

  it('a write marked as from the workspace is recorded so, in provenance and the audit log', async () => {
    expect((await call(h, 'PUT', '/v1/admin/accounts', { items: [item('w1')] }, 'workspace')).status).toBe(
      200,
    );
    const [stored] = await h.db.query<{ data: Record<string, unknown> }>(
      `SELECT data FROM accounts WHERE id = 'w1'`,
    );
    expect(stored?.data).toMatchObject({ source: 'workspace', updatedBy: USERS.admin.id });
    expect(await lastAudit(h)).toMatchObject({ source: 'workspace', collection: 'accounts', ids: ['w1'] });

    await call(h, 'PUT', '/v1/admin/teams', { items: [{ id: 'team-w', name: 'W' }] }, undefined);
    const removed = await call(h, 'POST', '/v1/admin/teams/delete', { ids: ['team-w'] }, 'workspace');
    expect(removed.body).toEqual({ results: [{ id: 'team-w', status: 'deleted' }] });
    expect(await lastAudit(h)).toMatchObject({ source: 'workspace', op: 'delete', ids: ['team-w'] });
  });

  it('without the header a write is the API path, and any other claimed path is refused', async () => {
    await call(h, 'PUT', '/v1/admin/accounts', { items: [item('w2')] }, undefined);
    expect(await lastAudit(h)).toMatchObject({ source: 'api', ids: ['w2'] });
    const refused = await call(h, 'PUT', '/v1/admin/accounts', { items: [item('w3')] }, 'cli');
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('invalid_source');
    expect(refused.body.error.message).toContain('X-Goal-Lens-Source');
  });

  it('lists a collection as stored, with provenance, for admins only', async () => {
    await call(h, 'PUT', '/v1/admin/accounts', { items: [item('w4')] }, 'workspace');
    const { status, body } = await call(h, 'GET', '/v1/admin/accounts', undefined);
    expect(status).toBe(200);
    const listed = body.items.find((a: { id: string }) => a.id === 'w4');
    expect(listed).toMatchObject({ id: 'w4', source: 'workspace', updatedBy: USERS.admin.id });
    expect(typeof listed.updatedAt).toBe('string');
    const asRep = await h.app.request('/v1/admin/tiers', {
      headers: { Authorization: `Bearer ${h.tokens.east}` },
    });
    expect(asRep.status).toBe(403);
  });
});
