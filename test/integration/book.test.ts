import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createLeadBookAnswer } from '../../lib/book/answer.ts';
import { countAccountsAndMetrics } from '../../lib/cache/block-reader.ts';
import { CacheDb } from '../../lib/cache/db.ts';
import { answerPanel } from '../../lib/panel/answer.ts';
import { Snapshot } from '../../lib/schemas/api.ts';
import { saveSettings } from '../../lib/settings/store.ts';
import { createSyncEngine } from '../../lib/sync/engine.ts';
import {
  createToken,
  demoSnapshot,
  importSnapshot,
  type RunningServer,
  SHOWCASE,
  startServer,
} from '../../server/index.ts';

/** The book view and the inline flag over a real sync from the reference backend's demo data. */
describe('misalignment against the reference backend', () => {
  let server: RunningServer;
  let cache: CacheDb;
  const now = new Date('2026-11-15T12:00:00Z');
  const { acme, globex } = SHOWCASE.accounts;

  async function syncAs(email: string) {
    await saveSettings(cache, {
      backendUrl: server.url,
      token: await createToken(server.db, email),
      syncIntervalMinutes: 15,
    });
    const { status } = await createSyncEngine(cache).sync();
    expect(status.state).toBe('ok');
  }

  beforeEach(async () => {
    server = await startServer({ port: 0, storage: { kind: 'memory' }, seed: 'demo' });
    cache = new CacheDb(`lead-${Math.random()}`);
  });
  afterEach(async () => {
    await cache.delete();
    await server.close();
  });

  test('a lead gets every misaligned account, Globex under-served, with a link to its CRM record', async () => {
    await syncAs(SHOWCASE.users.lead.email);
    const book = await createLeadBookAnswer(cache).query({ complete: true, limit: 500 });
    expect(book.counting).toBe(false);
    expect(book.checked).toBe((await countAccountsAndMetrics(cache)).accounts);
    expect(book.accounts).toHaveLength(book.misaligned);

    const globexRow = book.accounts.find((a) => a.id === globex.id);
    expect(globexRow).toMatchObject({
      name: globex.name,
      arr: 310_000,
      owner: { id: SHOWCASE.users.csm.id, name: SHOWCASE.users.csm.name },
      tier: { id: 'tier-2', name: 'Tier 2 Growth' },
      record: {
        crm: 'salesforce',
        url: `https://${SHOWCASE.salesforceHost}/lightning/r/Account/${globex.salesforceId}/view`,
      },
    });
    expect(globexRow?.misalignments).toContainEqual({
      kind: 'tier_rules',
      direction: 'under_served',
      title: 'Under-served: expected Tier 1 Strategic',
      reasons: ['ARR $310k meets Tier 1 Strategic (≥ $250k); assigned Tier 2 Growth'],
    });
    expect(book.accounts.find((a) => a.id === acme.id)?.misalignments.map((m) => m.kind)).toEqual([
      'benchmark',
    ]);

    // Every kind shows up in the demo book, and the list comes highest ARR first.
    const kinds = new Set(book.accounts.flatMap((a) => a.misalignments.map((m) => m.kind)));
    expect([...kinds].sort()).toEqual(['benchmark', 'crm_field', 'tier_rules']);
    const arrs = book.accounts.map((a) => a.arr ?? -1);
    expect(arrs).toEqual([...arrs].sort((a, b) => b - a));
    expect(book.accounts.every((a) => a.misalignments.length > 0 && a.record !== null)).toBe(true);
  });

  test('the side panel pages through the filtered book; the book is reused until the data changes', async () => {
    await syncAs(SHOWCASE.users.lead.email);
    const answer = createLeadBookAnswer(cache);
    const first = await answer.query({});
    expect(first.offset).toBe(0);
    expect(first.accounts).toHaveLength(Math.min(100, first.total));
    expect(first.total).toBe(first.misaligned);

    const page = await answer.query({ kind: 'under_served', owner: SHOWCASE.users.csm.id, limit: 10 });
    expect(page.accounts.map((a) => a.id)).toContain(globex.id);
    expect(page.total).toBe(page.accounts.length);
    expect(page.owners.map((o) => o.label)).toContain(SHOWCASE.users.csm.name);
    expect(page.tiers.map((t) => t.label)).toEqual(['Tier 1 Strategic', 'Tier 2 Growth', 'Tier 3 Scale']);

    const book = await answer.book();
    expect(await answer.book()).toBe(book);
    const renamed = demoSnapshot().accounts.find((a) => a.id === globex.id);
    if (!renamed) throw new Error('the demo data lost Globex');
    await importSnapshot(server.db, {
      ...Snapshot.parse({}),
      accounts: [{ ...renamed, name: 'Globex Holdings' }],
    });
    await createSyncEngine(cache).sync();
    const next = await answer.book();
    expect(next).not.toBe(book);
    expect(next.accounts.find((a) => a.id === globex.id)?.name).toBe('Globex Holdings');
  });

  test('a CSM is refused the book view in plain words', async () => {
    await syncAs(SHOWCASE.users.csm.email);
    await expect(createLeadBookAnswer(cache).query({})).rejects.toMatchObject({
      code: 'forbidden_role',
      message: 'Only leads see the book view.',
    });
  });

  test('before the first sync there is nobody to show the book to', async () => {
    await expect(createLeadBookAnswer(cache).query({})).rejects.toMatchObject({ code: 'not_connected' });
  });

  test('the panel compares the tier the CRM page shows, and falls back to the synced one', async () => {
    await syncAs(SHOWCASE.users.csm.email);
    const onPage = await answerPanel(cache, 'salesforce', globex.salesforceId, now, 'Tier 1 Strategic');
    if (onPage.kind !== 'account') throw new Error(`expected an account, got ${onPage.kind}`);
    expect(onPage.view.crmTier).toEqual({
      value: 'Tier 1 Strategic',
      source: 'page',
      fieldLabel: 'Customer Tier',
    });
    expect(onPage.view.misalignments.map((m) => m.title)).toEqual([
      'Under-served: expected Tier 1 Strategic',
      'CRM says Tier 1 Strategic',
    ]);
    expect(onPage.view.misalignments[1]?.reasons).toEqual([
      'CRM says Tier 1 Strategic; assigned Tier 2 Growth',
      "Read from this page's “Customer Tier” field.",
    ]);

    const synced = await answerPanel(cache, 'salesforce', globex.salesforceId, now);
    if (synced.kind !== 'account') throw new Error(`expected an account, got ${synced.kind}`);
    expect(synced.view.crmTier).toEqual({
      value: 'Tier 2 Growth',
      source: 'synced',
      fieldLabel: 'Customer Tier',
    });
    expect(synced.view.misalignments.map((m) => m.kind)).toEqual(['tier_rules']);
  });
});
