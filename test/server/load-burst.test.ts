import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createToken,
  demoSnapshot,
  importSnapshot,
  type RunningServer,
  startServer,
} from '../../server/index.ts';
import { BACKENDS } from './backends.ts';

const CLIENTS = 200;
/** A request still refused after this many Retry-After waits has failed. */
const MAX_RETRIES = 30;
/** A short line, so that the burst is sure to overflow it and the shedding path is what is tested. */
const ADMISSION = { active: 4, queued: 16, maxWaitMs: 10_000 };

/** GET as the extension does it: a 503 or 429 with Retry-After is waited out and sent again. */
async function getHonouringRetryAfter(
  url: string,
  token: string,
): Promise<{ status: number; retries: number }> {
  for (let retries = 0; ; retries++) {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    const header = response.headers.get('Retry-After');
    const wait = header === null ? Number.NaN : Number(header);
    const refused = response.status === 503 || response.status === 429;
    // Without a Retry-After there is nothing to honour: the refusal is the answer.
    if (!refused || !(wait >= 0) || retries === MAX_RETRIES) return { status: response.status, retries };
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
  }
}

/** A whole team's first sync at once (SPEC §7, 200 concurrent clients): every one of them is answered. */
describe.each(BACKENDS)('200 clients pulling their first page at once on $name', (backend) => {
  let server: RunningServer;
  const tokens: string[] = [];

  beforeAll(async () => {
    server = await startServer({ port: 0, db: await backend.open(), rateLimit: 'off', admission: ADMISSION });
    const snapshot = demoSnapshot();
    await importSnapshot(server.db, snapshot);
    const readers = snapshot.users.filter((user) => user.role === 'lead' || user.role === 'csm');
    for (const user of readers) tokens.push(await createToken(server.db, user.email));
    // Opening and filling a database is the slow part on a busy machine; the burst itself is short.
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await server.db.close();
  });

  it('answers every one, telling some to come back rather than failing them', async () => {
    const results = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) =>
        getHonouringRetryAfter(`${server.url}/v1/changes?limit=1000`, tokens[i % tokens.length] ?? ''),
      ),
    );
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(results.some((result) => result.retries > 0)).toBe(true);
  }, 120_000);
});
