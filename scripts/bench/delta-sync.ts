import type { Page } from '@playwright/test';
import type { Account } from '../../lib/schemas/index.ts';
import { putEntities, type RunningServer } from '../../server/index.ts';
import { type Figure, fromSamples, unavailable } from './figures.ts';
import { clickAndAwaitNotice } from './in-page.ts';

const RUNS = 20;
const WARMUP = 2;
const CHANGES = 100;
const DELTA_SYNC_METHOD =
  `Per run: ${CHANGES} accounts are changed on the server with putEntities (not timed), then the ` +
  'options page clicks "Sync now" and times, in the page, until the notice reports "Synced N accounts.": ' +
  'outbox flush, the change page over HTTP, validation, the IndexedDB write, the cache count and the ' +
  `answer to the page. ${WARMUP} warm-up runs are not counted.`;

/** Changes `CHANGES` different accounts per run on the server, then times one user-started sync. */
export async function measureDeltaSync(
  options: Page,
  server: RunningServer,
  accounts: readonly Account[],
): Promise<Figure> {
  const samples: number[] = [];
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const changed = accounts.slice(run * CHANGES, (run + 1) * CHANGES).map((account) => ({
      ...account,
      attributes: { ...account.attributes, seats: Number(account.attributes.seats ?? 0) + run + 1 },
      updatedAt: new Date(Date.UTC(2026, 10, 17, 0, run)).toISOString(),
    }));
    const ids = await putEntities(server.db, 'account', changed);
    if (ids.length !== CHANGES)
      throw new Error(`expected ${CHANGES} changed accounts, the server changed ${ids.length}`);
    const result = await options.evaluate(clickAndAwaitNotice, { button: 'Sync now', timeoutMs: 30_000 });
    if ('error' in result) return unavailable('deltaSync', result.error, DELTA_SYNC_METHOD);
    if (!result.text.startsWith('Synced')) {
      return unavailable('deltaSync', `a sync ended with "${result.text}"`, DELTA_SYNC_METHOD);
    }
    if (run >= WARMUP) samples.push(result.ms);
  }
  return fromSamples('deltaSync', samples, DELTA_SYNC_METHOD, { changesPerRun: CHANGES });
}
