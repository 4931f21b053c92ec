import { describe, expect, it } from 'vitest';
import { CHANGES_PER_PART } from '../../server/feed/read.ts';
import { putEntities } from '../../server/store/put.ts';
import { BACKENDS } from './backends.ts';
import { newSync, pull } from './feed-client.ts';
import { account } from './fixtures.ts';
import { suiteHarness } from './suite-harness.ts';

/** Enough accounts that one page spans several parts, the last of them short. */
const ACCOUNTS = CHANGES_PER_PART * 2 + 17;

describe.each(BACKENDS)('a large page of the change feed on $name', (backend) => {
  const h = suiteHarness(backend);
  const key = (change: { type: string; id: string }) => `${change.type}:${change.id}`;

  it('streams the same changes, in the same order, as small pages do', async () => {
    await putEntities(
      h.db,
      'account',
      Array.from({ length: ACCOUNTS }, (_, i) => account(`big${i}`, 'u-east')),
    );
    const small = newSync();
    const paged = await pull(h, 'lead', small, 100);
    const large = newSync();
    const whole = await pull(h, 'lead', large, 5000);
    expect(large.pages).toBe(1);
    expect(whole.length).toBeGreaterThan(CHANGES_PER_PART * 2);
    expect(whole.map(key)).toEqual(paged.map(key));
    expect(whole).toEqual(paged);
    expect(large.cursor).toBe(small.cursor);
    // A CSM's share, cut by audience, crosses parts too.
    expect((await pull(h, 'east', newSync(), 5000)).map(key)).toEqual(
      (await pull(h, 'east', newSync(), 7)).map(key),
    );
  });

  it('pages by whole parts: each page full, the look-ahead past it neither sent nor skipped', async () => {
    await putEntities(
      h.db,
      'account',
      Array.from({ length: ACCOUNTS }, (_, i) => account(`part${i}`, 'u-east')),
    );
    const whole = await pull(h, 'lead', newSync(), 5000);
    const byParts = newSync();
    const paged = await pull(h, 'lead', byParts, CHANGES_PER_PART);
    expect(byParts.pages).toBe(Math.ceil(whole.length / CHANGES_PER_PART));
    expect(paged).toEqual(whole);
  });
});
