import { Agent, type IncomingHttpHeaders, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/start.ts';
import { BACKENDS } from './backends.ts';
import { suiteHarness } from './suite-harness.ts';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One request over `agent`, which keeps a single connection alive between requests when it can. */
function send(
  agent: Agent,
  url: string,
  method: string,
  token: string,
  body?: { text: string; chunked: boolean },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { agent, method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    // Written before end, node streams the body chunked, without a Content-Length to refuse up front.
    if (body?.chunked) req.write(body.text);
    req.end(body?.chunked ? undefined : body?.text);
  });
}

describe.each(BACKENDS)('an oversized body over a real socket on $name', (backend) => {
  const h = suiteHarness(backend);
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, db: h.db, maxBodyBytes: 1024 });
  });
  afterAll(() => server.close());

  it.each([
    ['a Content-Length', false],
    ['a chunked body', true],
  ])('answers 413 for %s and leaves the client able to send the next request', async (_, chunked) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const big = JSON.stringify({ outcomes: [{ note: 'x'.repeat(256 * 1024) }] });
      const refused = await send(agent, `${server.url}/v1/outcomes`, 'POST', h.tokens.east, {
        text: big,
        chunked,
      });
      expect(refused.status).toBe(413);
      expect(JSON.parse(refused.body).error.code).toBe('payload_too_large');
      expect(refused.headers.connection).toBe('close');

      const next = await send(agent, `${server.url}/v1/me`, 'GET', h.tokens.east);
      expect(next.status).toBe(200);
    } finally {
      agent.destroy();
    }
  });
});
