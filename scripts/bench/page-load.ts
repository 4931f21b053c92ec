import type { Page } from '@playwright/test';
import type { Account, CrmName } from '../../lib/schemas/index.ts';
import { crmUrls } from '../../test/fixtures/crm/routes.ts';
import { type Figure, fromSamples } from './figures.ts';
import { waitForPanelHeading } from './panel-wait.ts';
import { summarize } from './stats.ts';

const RUNS_PER_CRM = 15;
const WARMUP = 3;
const SWITCHING_RUNS = 16;
const METHOD =
  'Full page loads (page.goto) of fixture account pages, each time another account: 15 in a row on ' +
  'Salesforce, then 15 on HubSpot, as a user opens records in the CRM they work in. The figure is ' +
  "performance.now() (ms since the navigation's timeOrigin) in the MutationObserver callback in which the " +
  "panel's open shadow root first has a heading with the account's name. details has the next animation " +
  "frame, panelOnScreen (the later of that frame and the page's first contentful paint: a panel in place " +
  "before the page paints shows with it), and the fixture page's own navigation timing and first " +
  'contentful paint (served by Playwright ' +
  'routing, which adds to responseEnd and turns the browser cache off). details.switchingCrm repeats the ' +
  'loads alternating Salesforce and HubSpot: each load then starts a new renderer process, which parses ' +
  `the 964 KB Salesforce stylesheet afresh, so the page itself paints later. ${WARMUP} warm-up loads per series are not counted.`;

function urlOf(account: Account, crm: CrmName): string {
  const ref = account.crmRefs.find((r) => r.crm === crm);
  return crm === 'hubspot' ? crmUrls.hubspotCompany(ref?.id) : crmUrls.salesforceAccount(ref?.id);
}

interface Series {
  panel: number[];
  frame: number[];
  responseEnd: number[];
  domContentLoaded: number[];
  firstContentfulPaint: number[];
}

async function loadSeries(page: Page, loads: { account: Account; crm: CrmName }[]): Promise<Series> {
  const series: Series = {
    panel: [],
    frame: [],
    responseEnd: [],
    domContentLoaded: [],
    firstContentfulPaint: [],
  };
  for (const [run, { account, crm }] of loads.entries()) {
    await page.goto(urlOf(account, crm));
    const entry = await waitForPanelHeading(page, account.name, 0);
    if (run < WARMUP) continue;
    // The panel can be in place before the page first paints; its paint time is read once there is one.
    await page.waitForFunction(
      () => performance.getEntriesByName('first-contentful-paint').length > 0,
      null,
      {
        timeout: 10_000,
      },
    );
    const timing = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      const [paint] = performance.getEntriesByName('first-contentful-paint');
      return {
        responseEnd: navigation?.responseEnd ?? 0,
        domContentLoaded: navigation?.domContentLoadedEventEnd ?? 0,
        firstContentfulPaint: paint?.startTime ?? 0,
      };
    });
    series.panel.push(entry.at);
    series.frame.push(entry.frameAt ?? entry.at);
    series.responseEnd.push(timing.responseEnd);
    series.domContentLoaded.push(timing.domContentLoaded);
    series.firstContentfulPaint.push(timing.firstContentfulPaint);
  }
  return series;
}

const pageTiming = (series: Series) => ({
  // A panel in place before the page's first paint shows with that paint.
  panelOnScreen: summarize(series.frame.map((at, i) => Math.max(at, series.firstContentfulPaint[i] ?? at))),
  responseEnd: summarize(series.responseEnd),
  domContentLoadedEventEnd: summarize(series.domContentLoaded),
  firstContentfulPaint: summarize(series.firstContentfulPaint),
});

export async function measurePageLoad(page: Page, targets: readonly Account[]): Promise<Figure> {
  const inOneCrm: Series[] = [];
  for (const [i, crm] of (['salesforce', 'hubspot'] as const).entries()) {
    const accounts = targets.slice(i * (WARMUP + RUNS_PER_CRM), (i + 1) * (WARMUP + RUNS_PER_CRM));
    inOneCrm.push(
      await loadSeries(
        page,
        accounts.map((account) => ({ account, crm })),
      ),
    );
  }
  const switching = await loadSeries(
    page,
    targets
      .slice(2 * (WARMUP + RUNS_PER_CRM), 2 * (WARMUP + RUNS_PER_CRM) + WARMUP + SWITCHING_RUNS)
      .map((account, i) => ({ account, crm: i % 2 === 0 ? 'salesforce' : 'hubspot' })),
  );
  const all = (key: keyof Series) => inOneCrm.flatMap((series) => series[key]);
  const merged: Series = {
    panel: all('panel'),
    frame: all('frame'),
    responseEnd: all('responseEnd'),
    domContentLoaded: all('domContentLoaded'),
    firstContentfulPaint: all('firstContentfulPaint'),
  };
  return fromSamples('pageLoad', merged.panel, METHOD, {
    toNextFrame: summarize(merged.frame),
    ...pageTiming(merged),
    switchingCrm: { panel: summarize(switching.panel), ...pageTiming(switching) },
  });
}
