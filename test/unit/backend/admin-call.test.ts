import { describe, expect, it } from 'vitest';
import { callAdminApi } from '../../../lib/backend/admin-call.ts';

interface Seen {
  url: string;
  init: RequestInit;
}

function recorder(status: number, body: string, type = 'application/json') {
  const seen: Seen[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(body, { status, headers: { 'Content-Type': type } });
  }) as unknown as typeof fetch;
  return { seen, fetchFn };
}

const headersOf = (seen: Seen) => seen.init.headers as Record<string, string>;

describe('admin API calls from the workspace', () => {
  it('marks every write as the workspace’s and sends JSON with the token', async () => {
    const { seen, fetchFn } = recorder(200, '{"results":[]}');
    const answer = await callAdminApi(
      'https://b.example',
      'tok',
      { method: 'PUT', path: '/v1/admin/tiers', body: { items: [] } },
      fetchFn,
    );
    expect(answer).toEqual({ status: 200, body: { results: [] } });
    expect(seen[0]?.url).toBe('https://b.example/v1/admin/tiers');
    expect(headersOf(seen[0] as Seen)).toMatchObject({
      Authorization: 'Bearer tok',
      'X-Goal-Lens-Source': 'workspace',
      'Content-Type': 'application/json',
    });
    expect(seen[0]?.init.body).toBe('{"items":[]}');
  });

  it('reads without the mark, sends CSV as text, and hands refusals back with their reasons', async () => {
    const read = recorder(200, 'id,name\n', 'text/csv');
    const csv = await callAdminApi(
      'https://b.example',
      'tok',
      { method: 'GET', path: '/v1/admin/export/accounts.csv' },
      read.fetchFn,
    );
    expect(csv).toEqual({ status: 200, body: 'id,name\n' });
    expect(headersOf(read.seen[0] as Seen)['X-Goal-Lens-Source']).toBeUndefined();

    const refused = recorder(422, '{"problems":[{"line":2}]}');
    const answer = await callAdminApi(
      'https://b.example',
      'tok',
      {
        method: 'POST',
        path: '/v1/admin/import/accounts',
        query: { dryRun: 'true' },
        body: 'id\n1\n',
        contentType: 'text/csv',
      },
      refused.fetchFn,
    );
    expect(answer).toEqual({ status: 422, body: { problems: [{ line: 2 }] } });
    expect(refused.seen[0]?.url).toBe('https://b.example/v1/admin/import/accounts?dryRun=true');
    expect(refused.seen[0]?.init.body).toBe('id\n1\n');
  });

  it.each(['/v1/outcomes', '/v1/admin', '/v1/admin/../sessions', '/v1/me/x'])(
    'refuses %s, outside the admin API',
    async (path) => {
      const { seen, fetchFn } = recorder(200, '{}');
      await expect(callAdminApi('https://b.example', 't', { method: 'GET', path }, fetchFn)).rejects.toThrow(
        /may not call/,
      );
      expect(seen).toHaveLength(0);
    },
  );
});
