import { describe, expect, it } from 'vitest';
import { ApiError, MeResponse } from '../../lib/schemas/index.ts';
import { createApp } from '../../server/app.ts';
import type { Db } from '../../server/db/types.ts';
import { startServer } from '../../server/start.ts';
import { BACKENDS } from './backends.ts';
import { USERS } from './fixtures.ts';
import { suiteHarness } from './suite-harness.ts';

describe.each(BACKENDS)('HTTP contract on $name', (backend) => {
  const h = suiteHarness(backend);

  it('answers /healthz without a token', async () => {
    const response = await h.app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it.each([
    ['no header', undefined],
    ['an unknown token', 'Bearer glk_not-a-real-token'],
    ['a malformed header', 'Basic dXNlcjpwYXNz'],
  ])('answers 401 JSON for %s', async (_, authorization) => {
    const response = await h.app.request(
      '/v1/me',
      authorization ? { headers: { Authorization: authorization } } : {},
    );
    expect(response.status).toBe(401);
    const body = ApiError.parse(await response.json());
    expect(body.error.code).toBe('unauthorized');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('returns the token owner from /v1/me', async () => {
    const response = await h.get('/v1/me', 'east');
    expect(response.status).toBe(200);
    // The fixture's import records where the user came from: the command line, at import time.
    expect(MeResponse.parse(await response.json()).user).toEqual({
      ...USERS.east,
      source: 'cli',
      updatedAt: expect.any(String),
    });
  });

  it('accepts the scheme in any case', async () => {
    const response = await h.app.request('/v1/me', { headers: { Authorization: `bearer ${h.tokens.west}` } });
    expect((await response.json()).user.id).toBe(USERS.west.id);
  });

  it('answers CORS preflight for any origin with Authorization and Content-Type', async () => {
    const response = await h.app.request('/v1/changes', {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abcdefghijklmnop',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(',');
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type']));
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await h.app.request('/nowhere');
    expect(response.status).toBe(404);
    expect(ApiError.parse(await response.json()).error.code).toBe('not_found');
    expect((await h.get('/v1/nowhere')).status).toBe(404);
  });

  it('answers 400 with zod issues for a bad query', async () => {
    const response = await h.get('/v1/changes?limit=5001');
    expect(response.status).toBe(400);
    const body = ApiError.parse(await response.json());
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.details).toEqual([expect.objectContaining({ path: ['limit'] })]);
  });

  it('answers 413 for a body over the limit', async () => {
    const small = createApp(h.db, { maxBodyBytes: 64 });
    const response = await small.request('/v1/outcomes', {
      method: 'POST',
      headers: { Authorization: `Bearer ${h.tokens.lead}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ outcomes: [], padding: 'x'.repeat(200) }),
    });
    expect(response.status).toBe(413);
    expect(ApiError.parse(await response.json()).error.code).toBe('payload_too_large');
  });

  it('hides internal errors behind a generic 500', async () => {
    const logged: unknown[] = [];
    const broken: Db = { ...h.db, query: () => Promise.reject(new Error('disk on fire')) };
    const app = createApp(broken, { logError: (error) => logged.push(error) });
    const response = await app.request('/v1/me', { headers: { Authorization: `Bearer ${h.tokens.lead}` } });
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain('disk on fire');
    expect(logged).toHaveLength(1);
  });

  it('serves the same contract over a real socket', async () => {
    const server = await startServer({ port: 0, db: h.db });
    try {
      expect(server.port).toBeGreaterThan(0);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const me = await fetch(`${server.url}/v1/me`, {
        headers: { Authorization: `Bearer ${h.tokens.lead}` },
      });
      expect((await me.json()).user.id).toBe(USERS.lead.id);
    } finally {
      await server.close();
    }
    // The caller's database stays open after the server closes.
    expect(await h.db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
