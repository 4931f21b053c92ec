import type { Page } from '@playwright/test';
import type { Account } from '../../lib/schemas/index.ts';
import { crmUrls } from '../../test/fixtures/crm/routes.ts';
import { type Figure, fromSamples } from './figures.ts';
import { waitForPanelHeading } from './panel-wait.ts';
import { summarize } from './stats.ts';

const RUNS = 30;
const WARMUP = 3;
const METHOD =
  'A full page load (page.goto) of a fixture Salesforce or HubSpot account page, alternating, each time ' +
  "another account. The figure is performance.now() (ms since the navigation's timeOrigin) in the " +
  "MutationObserver callback in which the panel's open shadow root first has a heading with the " +
  "account's name; details has the next animation frame, and the navigation timing and first contentful " +
  'paint of the fixture page itself (served by Playwright routing, which adds to responseEnd and turns ' +
  `the browser cache off, so the Salesforce stylesheet is fetched on every load). ${WARMUP} warm-up loads are not counted.`;

function urlOf(account: Account, run: number): string {
  const ref = account.crmRefs[run % 2 === 0 ? 0 : 1];
  return ref?.crm === 'hubspot' ? crmUrls.hubspotCompany(ref.id) : crmUrls.salesforceAccount(ref?.id);
}

export async function measurePageLoad(page: Page, targets: readonly Account[]): Promise<Figure> {
  const samples: number[] = [];
  const frames: number[] = [];
  const responseEnds: number[] = [];
  const contentLoaded: number[] = [];
  const contentfulPaints: number[] = [];
  for (const [run, account] of targets.slice(0, WARMUP + RUNS).entries()) {
    await page.goto(urlOf(account, run));
    const entry = await waitForPanelHeading(page, account.name, 0);
    if (run < WARMUP) continue;
    const timing = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      const [paint] = performance.getEntriesByName('first-contentful-paint');
      return {
        responseEnd: navigation?.responseEnd ?? 0,
        domContentLoaded: navigation?.domContentLoadedEventEnd ?? 0,
        firstContentfulPaint: paint?.startTime ?? 0,
      };
    });
    samples.push(entry.at);
    frames.push(entry.frameAt ?? entry.at);
    responseEnds.push(timing.responseEnd);
    contentLoaded.push(timing.domContentLoaded);
    contentfulPaints.push(timing.firstContentfulPaint);
  }
  return fromSamples('pageLoad', samples, METHOD, {
    toNextFrame: summarize(frames),
    responseEnd: summarize(responseEnds),
    domContentLoadedEventEnd: summarize(contentLoaded),
    firstContentfulPaint: summarize(contentfulPaints),
  });
}
