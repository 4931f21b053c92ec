import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ApiError, UndoResponse } from '../../lib/schemas/index.ts';
import { createApp } from '../../server/app.ts';
import type { Db } from '../../server/db/types.ts';
import { startServer } from '../../server/start.ts';
import { BACKENDS } from './backends.ts';
import { outcome, post } from './outcome-client.ts';
import { testHarness } from './suite-harness.ts';

/** Sends request headers promising a body that never comes; resolves with what the server said and when. */
function stall(port: number, token: string): Promise<{ text: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        `POST /v1/outcomes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`,
      );
    });
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.on('close', () => resolve({ text, ms: Date.now() - started }));
    socket.on('error', reject);
  });
}

describe.each(BACKENDS)('hardening on $name', (backend) => {
  const h = testHarness(backend);

  it('keeps revocations for 30 days, not forever', async () => {
    await h.db.query(
      `INSERT INTO outcome_revocations (outcome_id, user_id, revoked_at)
       VALUES ('old', 'u-east', now() - interval '31 days'), ('recent', 'u-east', now() - interval '29 days')`,
    );
    await h.app.request(`/v1/outcomes/${crypto.randomUUID()}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${h.tokens.east}` },
    });
    const rows = await h.db.query<{ outcome_id: string }>('SELECT outcome_id FROM outcome_revocations');
    const ids = rows.map((row) => row.outcome_id);
    expect(ids).toHaveLength(2);
    expect(ids).toContain('recent');
    expect(ids).not.toContain('old');
  });

  it('answers an undo of another team’s outcome exactly like one of an id never seen', async () => {
    const theirs = outcome('east');
    await post(h, 'east', [theirs]);
    const answer = async (id: string) => {
      const response = await h.app.request(`/v1/outcomes/${id}`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${h.tokens.west}` },
      });
      return { status: response.status, body: UndoResponse.parse(await response.json()) };
    };
    const unknown = crypto.randomUUID();
    expect(await answer(theirs.id)).toEqual({
      status: 200,
      body: { id: theirs.id, status: 'revoked', keyResults: [] },
    });
    expect(await answer(unknown)).toEqual({
      status: 200,
      body: { id: unknown, status: 'revoked', keyResults: [] },
    });
  });

  it('marks API answers nosniff and no-store, and a 404 does not echo the path', async () => {
    for (const response of [
      await h.get('/v1/me', 'east'),
      await h.get('/v1/changes?limit=5001', 'east'),
      await h.app.request('/v1/me'),
      await h.get('/v1/<script>alert(1)</script>?note=secret', 'east'),
    ]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    const missing = await h.get('/v1/<script>alert(1)</script>', 'east');
    expect(missing.status).toBe(404);
    const text = await missing.text();
    expect(text).not.toContain('script');
    expect(ApiError.parse(JSON.parse(text)).error.code).toBe('not_found');
  });

  it('logs a 500 without the query string, query parameters or quoted values', async () => {
    const logged: unknown[] = [];
    const failing = Object.assign(new Error('invalid input syntax for type json: "my secret note"'), {
      code: '22P02',
      params: ['my secret note'],
      query: 'SELECT $1',
    });
    const broken: Db = {
      ...h.db,
      query: (sql, params) =>
        sql.includes('api_tokens') ? h.db.query(sql, params) : Promise.reject(failing),
    };
    const app = createApp(broken, { logError: (report) => logged.push(report) });
    // A malformed cursor is refused before the database is asked, so the secret rides in another parameter.
    const response = await app.request('/v1/changes?limit=5&note=my-secret-note', {
      headers: { Authorization: `Bearer ${h.tokens.east}` },
    });
    expect(response.status).toBe(500);
    expect(logged).toEqual([expect.objectContaining({ method: 'GET', path: '/v1/changes', code: '22P02' })]);
    expect(JSON.stringify(logged)).not.toMatch(/secret/);
  });

  it('answers 429 with Retry-After after 20 unrecognised tokens from one address, and lets it go after', async () => {
    let now = 0;
    const app = createApp(h.db, { now: () => now, logError: () => {} });
    const as = (token: string) => app.request('/v1/me', { headers: { Authorization: `Bearer ${token}` } });
    for (let i = 0; i < 20; i++) expect((await as(`glk_guess-${i}`)).status).toBe(401);
    const limited = await as('glk_guess-21');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(ApiError.parse(await limited.json()).error.code).toBe('rate_limited');
    // A valid token from the same address waits too: the limiter cannot tell a good guess apart.
    expect((await as(h.tokens.east)).status).toBe(429);
    now += 60_000;
    expect((await as(h.tokens.east)).status).toBe(200);
  });

  it('drops a request whose body stalls after the request timeout, not after minutes', async () => {
    const server = await startServer({ port: 0, db: h.db, requestTimeoutMs: 500 });
    try {
      const { text, ms } = await stall(server.port, h.tokens.east);
      expect(text).toMatch(/^HTTP\/1\.1 408/);
      expect(ms).toBeLessThan(5000);
    } finally {
      await server.close();
    }
  });
});
