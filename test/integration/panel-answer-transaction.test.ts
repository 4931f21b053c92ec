import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { CacheDb } from '../../lib/cache/db.ts';
import { answerPanel } from '../../lib/panel/answer.ts';
import { saveSettings } from '../../lib/settings/store.ts';
import { createSyncEngine } from '../../lib/sync/engine.ts';
import { createToken, type RunningServer, SHOWCASE, startServer } from '../../server/index.ts';

let server: RunningServer;
let cache: CacheDb;

beforeEach(async () => {
  server = await startServer({ port: 0, storage: { kind: 'memory' }, seed: 'demo' });
  cache = new CacheDb(`answer-${Math.random()}`);
  await saveSettings(cache, {
    backendUrl: server.url,
    token: await createToken(server.db, SHOWCASE.users.lead.email),
    syncIntervalMinutes: 15,
  });
  await createSyncEngine(cache).sync();
});
afterEach(async () => {
  await cache.delete();
  await server.close();
});

test("a panel's answer is read in one IndexedDB transaction, on the hot path of every page", async () => {
  const { acme } = SHOWCASE.accounts;
  const modes: string[] = [];
  // Another connection to the same cache, counting its transactions from the start.
  const counted = new CacheDb(cache.name);
  counted.use({
    stack: 'dbcore',
    name: 'count-transactions',
    create: (down) => ({
      ...down,
      transaction(stores, mode, options) {
        modes.push(mode);
        return down.transaction(stores, mode, options);
      },
    }),
  });
  const answer = await answerPanel(counted, 'salesforce', acme.salesforceId, new Date());
  expect(answer.kind).toBe('account');
  expect(modes).toEqual(['readonly']);
  counted.close();
});

test.each([
  ['its record id', 'salesforce', SHOWCASE.accounts.acme.salesforceId, {}, 'record'],
  ['its website', 'dynamics', 'not-linked', { domain: 'globex.example.com' }, 'website'],
  [
    'its name, after its website matched none',
    'dynamics',
    'not-linked',
    { name: 'Initech', domain: 'initech-software.example' },
    'name',
  ],
] as const)(
  'an account found by %s is answered within the one transaction',
  async (_, crm, recordId, page, by) => {
    const answer = await answerPanel(cache, crm, recordId, new Date(), undefined, page);
    expect(answer.kind === 'account' && answer.match.by).toBe(by);
  },
);
