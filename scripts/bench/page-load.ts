import type { Page } from '@playwright/test';
import type { Account, CrmName } from '../../lib/schemas/index.ts';
import { crmUrls } from '../../test/fixtures/crm/routes.ts';
import { withBaseline } from './baseline.ts';
import { type Figure, fromSamples } from './figures.ts';
import { frameBaseline } from './page-baselines.ts';
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

const AFTER_PAINT_METHOD =
  'The same loads: per load, when the panel is on screen (the later of the animation frame after its ' +
  "heading appeared and the page's first contentful paint, which a PerformanceObserver for 'paint' " +
  'installed before the page ran reports in the page) minus that first contentful paint: 0 when the ' +
  'panel was in place before the page first painted. Beside one frame of the same page.';

/** Init script: the page's own first contentful paint, as the page itself observes it. */
function recordFirstPaint(): void {
  new PerformanceObserver((list, observer) => {
    const paint = list.getEntriesByName('first-contentful-paint')[0];
    if (!paint) return;
    (window as unknown as { __glFirstPaint?: number }).__glFirstPaint = paint.startTime;
    observer.disconnect();
  }).observe({ type: 'paint', buffered: true });
}

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
      () => (window as unknown as { __glFirstPaint?: number }).__glFirstPaint !== undefined,
      null,
      { timeout: 10_000 },
    );
    const timing = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return {
        responseEnd: navigation?.responseEnd ?? 0,
        domContentLoaded: navigation?.domContentLoadedEventEnd ?? 0,
        firstContentfulPaint: (window as unknown as { __glFirstPaint: number }).__glFirstPaint,
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

// A panel in place before the page's first paint shows with that paint.
const onScreen = (series: Series) =>
  series.frame.map((at, i) => Math.max(at, series.firstContentfulPaint[i] ?? at));
const afterPaint = (series: Series) =>
  onScreen(series).map((at, i) => at - (series.firstContentfulPaint[i] ?? at));

const pageTiming = (series: Series) => ({
  panelOnScreen: summarize(onScreen(series)),
  afterFirstPaint: summarize(afterPaint(series)),
  responseEnd: summarize(series.responseEnd),
  domContentLoadedEventEnd: summarize(series.domContentLoaded),
  firstContentfulPaint: summarize(series.firstContentfulPaint),
});

/** Page load → panel, beside the page's own first contentful paint in the same loads, and the gap between. */
export async function measurePageLoad(page: Page, targets: readonly Account[]): Promise<Figure[]> {
  await page.addInitScript(recordFirstPaint);
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
  const firstPaint = summarize(merged.firstContentfulPaint);
  const panel = fromSamples('pageLoad', merged.panel, METHOD, {
    toNextFrame: summarize(merged.frame),
    ...pageTiming(merged),
    switchingCrm: { panel: summarize(switching.panel), ...pageTiming(switching) },
  });
  return [
    withBaseline(panel, {
      label: "the page's first contentful paint",
      value: firstPaint.p50,
      summary: firstPaint,
      method: "The same loads' own first contentful paint (PerformanceObserver for 'paint' in the page).",
    }),
    withBaseline(
      fromSamples('pageLoadAfterPaint', afterPaint(merged), AFTER_PAINT_METHOD, {
        switchingCrm: summarize(afterPaint(switching)),
      }),
      await frameBaseline(page, 'p50'),
    ),
  ];
}
