import { expect, type Locator, type Page, test } from '@playwright/test';
import { Snapshot } from '../../lib/schemas/api.ts';
import { demoSnapshot, importSnapshot, SHOWCASE } from '../../server/index.ts';
import { crmUrls, DYNAMICS_FIXTURE_RECORDS, REDESIGNED_DYNAMICS_HOST } from '../fixtures/crm/routes.ts';
import { optionsUrl } from './options.ts';
import { panel } from './panel-region.ts';
import { closeSession, connectSession, type ExtensionSession, openSession } from './session.ts';

const { acme, globex, initech } = SHOWCASE.accounts;

let session: ExtensionSession;

test.beforeEach(async () => {
  session = await openSession();
});

test.afterEach(() => closeSession(session));

function siteMap(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Site map' });
}

test('Dynamics 365: the panel follows the app from a linked account to others matched by website and name, a list and back', async () => {
  await connectSession(session);
  const page = await session.context.newPage();
  await page.goto(crmUrls.dynamicsAccount(DYNAMICS_FIXTURE_RECORDS.acme));
  const region = panel(page);
  await expect(region.getByRole('heading', { name: acme.name })).toBeVisible();
  await expect(region).toContainText('Tier 1 Strategic');
  await expect(region.getByText('Acme expansion ARR signed')).toBeVisible();
  // Linked by its record id: nothing to explain.
  await expect(region.getByTestId('account-match')).toHaveCount(0);
  const loads = await page.evaluate(() => performance.getEntriesByType('navigation').length);

  await siteMap(page).getByRole('link', { name: globex.name }).click();
  await expect(page).toHaveURL(new RegExp(DYNAMICS_FIXTURE_RECORDS.globex));
  await expect(region.getByRole('heading', { name: globex.name })).toBeVisible();
  await expect(region.getByTestId('account-match')).toHaveText('Matched by website globex.example.com');
  await expect(region.getByText('Globex seats activated')).toBeVisible();
  await expect(region).not.toContainText(acme.name);

  await siteMap(page).getByRole('link', { name: initech.name }).click();
  await expect(region.getByRole('heading', { name: initech.name })).toBeVisible();
  await expect(region.getByTestId('account-match')).toHaveText(`Matched by name ${initech.name}`);

  await siteMap(page).getByRole('link', { name: 'Accounts' }).click();
  await expect(page).toHaveURL(/pagetype=entitylist/);
  await expect(page.locator('goal-lens-panel')).toHaveCount(0);

  await page.goBack();
  await expect(panel(page).getByRole('heading', { name: initech.name })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Site map' })
    .getByRole('link', { name: 'Northwind Traders' })
    .click();
  await expect(panel(page).getByTestId('not-in-goal-lens')).toHaveText('This account is not in Goal Lens.');
  // One document throughout: the panel followed pushState and popstate.
  expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(loads);
});

test('two accounts with the page’s website: none is shown, and the panel says why', async () => {
  const base = demoSnapshot().accounts.find((a) => a.id === globex.id);
  if (!base) throw new Error('the demo data lost Globex');
  await importSnapshot(session.backend.server.db, {
    ...Snapshot.parse({}),
    accounts: [{ ...base, id: 'acc-globex-emea', name: 'Globex EMEA', crmRefs: [] }],
  });
  await connectSession(session);
  const page = await session.context.newPage();
  await page.goto(crmUrls.dynamicsAccount(DYNAMICS_FIXTURE_RECORDS.globex));
  await expect(panel(page).getByTestId('ambiguous-match')).toContainText(
    '2 Goal Lens accounts match the website globex.example.com, so none is shown.',
  );
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveCount(0);
});

test('a redesigned CRM page still gets its panel, and the options page names the selectors that failed', async () => {
  const options = await connectSession(session);
  const errors: Error[] = [];
  const page = await session.context.newPage();
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(crmUrls.dynamicsAccount(DYNAMICS_FIXTURE_RECORDS.acme, REDESIGNED_DYNAMICS_HOST));
  await expect(page.locator('[data-lp-id="record-title"]')).toHaveText(acme.name);
  await expect(panel(page).getByRole('heading', { name: acme.name })).toBeVisible();
  await expect(panel(page).getByText('Acme expansion ARR signed')).toBeVisible();
  // A redesigned page of an account Goal Lens cannot link finds nothing, and says so quietly.
  await page.evaluate((id) => {
    (window as unknown as { __crmFixture: { navigate(url: string): void } }).__crmFixture.navigate(
      `/main.aspx?pagetype=entityrecord&etn=account&id=${id}`,
    );
  }, DYNAMICS_FIXTURE_RECORDS.globex);
  await expect(panel(page).getByTestId('not-in-goal-lens')).toBeVisible();
  expect(errors).toEqual([]);

  await options.goto(optionsUrl(session.extensionId));
  const table = options.getByTestId('selector-diagnostics');
  const website = table.getByRole('row').filter({ hasText: 'Dynamics 365' }).filter({ hasText: 'website' });
  await expect(website).toContainText('Not found. Tried:');
  await expect(website).toContainText('input[data-id^="websiteurl.fieldControl"]');
  await expect(website).toContainText('field "Website"');
  await expect(website).toContainText('/main.aspx?');
  const name = table.getByRole('row').filter({ hasText: 'Dynamics 365' }).filter({ hasText: 'name' });
  await expect(name).toContainText('[data-id="header_title"] (title)');
  // No customer data in diagnostics: neither names nor record ids.
  await expect(table).not.toContainText(acme.name);
  await expect(table).not.toContainText(globex.name);
  await expect(table).not.toContainText(DYNAMICS_FIXTURE_RECORDS.acme);

  // The same CRM's normal pages read fine: the entry flips back to found.
  await page.goto(crmUrls.dynamicsAccount(DYNAMICS_FIXTURE_RECORDS.acme));
  await expect(panel(page).getByRole('heading', { name: acme.name })).toBeVisible();
  await expect(website).toContainText('Found by input[data-id^="websiteurl.fieldControl"]', {
    timeout: 15_000,
  });
});
