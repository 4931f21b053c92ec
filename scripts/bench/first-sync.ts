import type { Page } from '@playwright/test';
import { type Figure, single, unavailable } from './figures.ts';
import { clickAndAwaitNotice } from './in-page.ts';

const TIMEOUT_MS = 300_000;
const FIRST_SYNC_METHOD =
  'Options page, right after saving the backend URL and token (which empties the cache): click "Sync now" ' +
  'and time, in the page, until the notice reports "Synced N accounts." — the background has then ' +
  'paged through the whole feed into IndexedDB and counted the cache. One run: it is the expensive one.';

/** The first sync of the whole data set, started and awaited the way a user does it. */
export async function measureFirstSync(options: Page, expectedAccounts: number): Promise<Figure> {
  const result = await options.evaluate(clickAndAwaitNotice, { button: 'Sync now', timeoutMs: TIMEOUT_MS });
  if ('error' in result) return unavailable('firstSync', result.error, FIRST_SYNC_METHOD);
  const synced = Number(/^Synced (\d+) accounts/.exec(result.text)?.[1]);
  if (synced !== expectedAccounts) {
    return unavailable('firstSync', `the sync ended with "${result.text}"`, FIRST_SYNC_METHOD);
  }
  return single('firstSync', Math.round(result.ms / 10) / 100, FIRST_SYNC_METHOD, { accountsSynced: synced });
}
