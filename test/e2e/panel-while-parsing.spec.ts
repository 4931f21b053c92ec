import { expect, type Page, test } from '@playwright/test';
import { SHOWCASE } from '../../server/index.ts';
import { crmUrls } from '../fixtures/crm/routes.ts';
import { panel } from './panel-region.ts';
import { closeSession, connectSession, type ExtensionSession, openSession } from './session.ts';

/**
 * An account page whose HTML parser is held by a script the test releases: the panel's answer and
 * script arrive while the page is still being parsed, as on a slow machine. Whatever the parser adds to
 * the body after a host placed there splits the page's own text, and that extra node outlives the panel.
 */
const { acme } = SHOWCASE.accounts;
const HELD_SCRIPT = '/_fixtures/held-parser.js';
const ACCOUNT_URL = `${crmUrls.salesforceAccount(acme.salesforceId)}?parsing=held`;
const CONTACT_PATH = new URL(crmUrls.salesforceContact()).pathname;
const PAGE = `<!doctype html>
<html><head><title>${acme.name} | Account | Salesforce</title></head>
<body>
<h1>${acme.name}</h1>
<script src="${HELD_SCRIPT}"></script>
<p>The rest of the page</p>
</body>
</html>
`;

let session: ExtensionSession;
let releaseParser: () => void;

test.beforeEach(async () => {
  session = await openSession();
  await connectSession(session);
  const held = new Promise<void>((resolve) => {
    releaseParser = resolve;
  });
  await session.context.route(ACCOUNT_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE }),
  );
  await session.context.route(
    (url) => url.pathname === HELD_SCRIPT,
    async (route) => {
      await held;
      await route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
    },
  );
});

test.afterEach(async () => {
  releaseParser();
  await closeSession(session);
});

/** Where the panel's host is, and whether the parser is still adding to the document. */
function hostPlace(page: Page) {
  return page.evaluate(() => ({
    readyState: document.readyState,
    parents: [...document.querySelectorAll('goal-lens-panel')].map((host) => host.parentElement?.localName),
  }));
}

/** Text nodes right after another text node: the parser never leaves any, only a host placed between. */
function splitTexts(page: Page) {
  return page.evaluate(() => {
    let splits = 0;
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.previousSibling?.nodeType === Node.TEXT_NODE) splits++;
    }
    return splits;
  });
}

async function openWhileParsing(page: Page) {
  await page.goto(ACCOUNT_URL, { waitUntil: 'commit' });
  await expect(panel(page).getByRole('heading', { name: acme.name })).toBeVisible();
}

test('a panel ready before the page is parsed stays out of the body until parsing ends', async () => {
  const page = await session.context.newPage();
  await openWhileParsing(page);
  expect(await hostPlace(page)).toEqual({ readyState: 'loading', parents: ['html'] });

  releaseParser();
  await page.waitForLoadState('load');
  expect(await hostPlace(page)).toEqual({ readyState: 'complete', parents: ['body'] });
  await expect(panel(page).getByRole('heading', { name: acme.name })).toBeVisible();

  await page.evaluate((path) => history.pushState({}, '', path), CONTACT_PATH);
  await expect(page.locator('goal-lens-panel')).toHaveCount(0);
  expect(await splitTexts(page)).toBe(0);
});

test('leaving the account page while it is still parsed leaves no trace once parsing ends', async () => {
  const page = await session.context.newPage();
  await openWhileParsing(page);
  await page.evaluate((path) => history.pushState({}, '', path), CONTACT_PATH);
  await expect(page.locator('goal-lens-panel')).toHaveCount(0);

  releaseParser();
  await page.waitForLoadState('load');
  expect(await hostPlace(page)).toEqual({ readyState: 'complete', parents: [] });
  expect(await splitTexts(page)).toBe(0);
});
