import { type Browser, chromium, type Page } from '@playwright/test';
import { SHOWCASE } from '../../server/index.ts';
import { CHROMIUM_PATH } from '../../test/e2e/browser.ts';
import { crmUrls, serveCrmFixtures } from '../../test/fixtures/crm/routes.ts';
import { type Figure, single } from './figures.ts';
import { clickInAppLink, countNodes, KEEP_NAMES_SHIM } from './in-page.ts';
import { waitForPanelHeading } from './panel-wait.ts';

/** Long enough for a content script injected at document_idle to do anything it is going to do. */
const SETTLE_MS = 1_500;
const METHOD =
  'Every node of the document, open shadow roots included, counted after the page settled ' +
  `(load + ${SETTLE_MS} ms) on CRM pages that are not account pages, in Chromium with the extension minus ` +
  'the same count in Chromium without it. Also after leaving an account page for a contact page in-app, ' +
  'compared with a fresh load of that contact page. The figure is the largest difference.';

const PAGES = {
  'salesforce home': crmUrls.salesforceHome(),
  'salesforce account list': crmUrls.salesforceAccountList(),
  'salesforce contact': crmUrls.salesforceContact(),
  'hubspot contact': crmUrls.hubspotContact(),
  'hubspot company list': crmUrls.hubspotCompanyList(),
};
const IN_APP = 'salesforce contact, reached in-app from an account page';

async function settledCount(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  return page.evaluate(countNodes);
}

/** The same pages in a Chromium without any extension. */
async function baselineCounts(): Promise<Record<string, number>> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await serveCrmFixtures(context);
    await context.addInitScript({ content: KEEP_NAMES_SHIM });
    const page = await context.newPage();
    const counts: Record<string, number> = {};
    for (const [name, url] of Object.entries(PAGES)) counts[name] = (await settledCount(page, url)).nodes;
    counts[IN_APP] = counts['salesforce contact'] ?? Number.NaN;
    return counts;
  } finally {
    await browser.close();
  }
}

export async function measureDomFootprint(page: Page): Promise<Figure> {
  const baseline = await baselineCounts();
  const added: Record<string, number> = {};
  for (const [name, url] of Object.entries(PAGES)) {
    added[name] = (await settledCount(page, url)).nodes - (baseline[name] ?? Number.NaN);
  }
  await page.goto(crmUrls.salesforceAccount(SHOWCASE.accounts.acme.salesforceId));
  await waitForPanelHeading(page, SHOWCASE.accounts.acme.name, 0);
  await page.evaluate(clickInAppLink, new URL(crmUrls.salesforceContact()).pathname);
  await page.waitForTimeout(SETTLE_MS);
  added[IN_APP] = (await page.evaluate(countNodes)).nodes - (baseline[IN_APP] ?? Number.NaN);
  return single('domNodesNonAccount', Math.max(...Object.values(added)), METHOD, {
    addedPerPage: added,
    baseline,
  });
}
