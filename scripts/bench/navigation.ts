import type { Page } from '@playwright/test';
import type { Account } from '../../lib/schemas/index.ts';
import { crmUrls } from '../../test/fixtures/crm/routes.ts';
import type { WorkerControl } from './extension.ts';
import { type Figure, fromSamples } from './figures.ts';
import { clickInAppLink } from './in-page.ts';
import { waitForPanelHeading } from './panel-wait.ts';
import { summarize } from './stats.ts';

const METHOD =
  'On a Salesforce fixture page (a pushState SPA) already showing one account in the panel: an in-app ' +
  'link to another account is clicked from inside the page, and the time runs, on performance.now(), ' +
  "from just before the click to the MutationObserver callback in which the panel's open shadow root " +
  "first has a heading with the new account's name. details.toNextFrame runs to the next animation " +
  'frame instead, the frame that paints it.';

interface NavigationOptions {
  runs: number;
  warmup: number;
  /** Given: the service worker is stopped (and confirmed stopped) before every click. */
  worker?: WorkerControl;
}

const salesforceUrl = (account: Account) => crmUrls.salesforceAccount(account.crmRefs[0]?.id);

/** Navigates in-app through `targets` (one per run, warm-up first), timing each until the panel follows. */
export async function measureNavigation(
  page: Page,
  targets: readonly Account[],
  options: NavigationOptions,
): Promise<Figure> {
  const [first, ...rest] = targets;
  if (!first || rest.length < options.warmup + options.runs) throw new Error('not enough target accounts');
  await page.goto(salesforceUrl(first));
  await waitForPanelHeading(page, first.name, 0);
  const samples: number[] = [];
  const frames: number[] = [];
  for (const [i, account] of rest.slice(0, options.warmup + options.runs).entries()) {
    await options.worker?.stop();
    const since = await page.evaluate(clickInAppLink, new URL(salesforceUrl(account)).pathname);
    const entry = await waitForPanelHeading(page, account.name, since);
    if (i < options.warmup) continue;
    samples.push(entry.at - since);
    frames.push((entry.frameAt ?? entry.at) - since);
  }
  const id = options.worker ? 'navigationColdWorker' : 'navigationWarm';
  const method = options.worker
    ? `${METHOD} Before every click the service worker is stopped with the DevTools protocol's ` +
      'ServiceWorker.stopAllWorkers, and its "stopped" status is awaited.'
    : `${METHOD} The service worker is running (it answered the previous navigation).`;
  return fromSamples(id, samples, `${method} ${options.warmup} warm-up runs are not counted.`, {
    toNextFrame: summarize(frames),
  });
}
