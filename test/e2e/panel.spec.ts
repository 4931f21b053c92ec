import { expect, type Locator, type Page, test } from '@playwright/test';
import { Snapshot } from '../../lib/schemas/api.ts';
import { demoSnapshot, importSnapshot, SHOWCASE } from '../../server/index.ts';
import { crmUrls } from '../fixtures/crm/routes.ts';
import { optionsUrl } from './options.ts';
import { panel } from './panel-region.ts';
import { closeSession, connectSession, type ExtensionSession, openSession } from './session.ts';

const { acme, globex } = SHOWCASE.accounts;
const emptySnapshot = Snapshot.parse({});

let session: ExtensionSession;

test.beforeEach(async () => {
  session = await openSession();
});

test.afterEach(() => closeSession(session));

function globalNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Global' });
}

test('options: test connection names the user, sync fills the cache', async () => {
  const options = await session.context.newPage();
  await options.goto(optionsUrl(session.extensionId));
  await options.getByLabel('Backend URL').fill(session.backend.server.url);
  await options.getByLabel('API token').fill('not-a-real-token');
  await options.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByTestId('notice')).toContainText('refused the API token (401)');

  await options.getByLabel('API token').fill(session.backend.token);
  await options.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByTestId('notice')).toHaveText(`Connected as ${SHOWCASE.users.lead.name} (lead).`);

  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('notice')).toHaveText('Settings saved.');
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect(options.getByTestId('notice')).toHaveText(/Synced \d{3} accounts\./);
  await expect(options.getByTestId('sync-status')).toContainText('Up to date');
  await expect(options.getByLabel('API token')).toHaveValue('');
  await expect(options.getByLabel('API token')).toHaveAttribute('placeholder', /Saved/);
});

test('Salesforce account page shows tier, key results and health', async () => {
  await connectSession(session);
  const page = await session.context.newPage();
  await page.goto(crmUrls.salesforceAccount(acme.salesforceId));
  const region = panel(page);
  await expect(region.getByRole('heading', { name: acme.name })).toBeVisible();
  await expect(region).toContainText('Tier 1 Strategic');
  await expect(region.getByRole('heading', { name: 'Key results' })).toBeVisible();
  await expect(region.getByText('Acme expansion ARR signed')).toBeVisible();
  await expect(region.getByText('QBRs held with Tier 1 accounts')).toBeVisible();
  await expect(region.getByTestId('key-result').first().getByRole('progressbar')).toBeVisible();
  await expect(region.getByTestId('health-score')).toHaveText(/^\d{1,3}$/);
  for (const perspective of ['financial', 'customer', 'internal', 'learning']) {
    await expect(region.getByTestId(`perspective-${perspective}`)).toBeVisible();
  }
  await expect(region.getByText(/^(Good|Warn|Bad)$/).first()).toBeVisible();
  await expect(region.getByTestId('panel-footer')).toContainText('Synced just now');
});

test('15-char Salesforce ids and HubSpot company pages find the same accounts', async () => {
  await connectSession(session);
  const page = await session.context.newPage();
  await page.goto(crmUrls.salesforceAccount(acme.salesforceId.slice(0, 15)));
  await expect(panel(page).getByRole('heading', { name: acme.name })).toBeVisible();

  await page.goto(crmUrls.hubspotCompany(globex.hubspotId));
  await expect(panel(page).getByRole('heading', { name: globex.name })).toBeVisible();
  await expect(panel(page)).toContainText('Tier 2 Growth');
  await expect(panel(page).getByText('Globex seats activated')).toBeVisible();
});

test('in-app navigation follows the CRM: another account, a contact, back to an account', async () => {
  await connectSession(session);
  const page = await session.context.newPage();
  await page.goto(crmUrls.salesforceAccount(acme.salesforceId));
  await expect(panel(page).getByRole('heading', { name: acme.name })).toBeVisible();
  const loads = await page.evaluate(() => performance.getEntriesByType('navigation').length);

  await globalNav(page).getByRole('link', { name: globex.name }).click();
  await expect(page).toHaveURL(new RegExp(globex.salesforceId.slice(0, 15)));
  await expect(panel(page).getByRole('heading', { name: globex.name })).toBeVisible();
  await expect(panel(page)).not.toContainText(acme.name);

  await globalNav(page).getByRole('link', { name: 'Jordan Blake' }).click();
  await expect(page).toHaveURL(/\/lightning\/r\/Contact\//);
  await expect(page.locator('goal-lens-panel')).toHaveCount(0);

  await page.goBack();
  await expect(panel(page).getByRole('heading', { name: globex.name })).toBeVisible();
  // Still the same document: the panel followed pushState/popstate, not page loads.
  expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(loads);
  expect(
    await page.evaluate(
      () => (window as unknown as { __crmFixture: { renders: number } }).__crmFixture.renders,
    ),
  ).toBeGreaterThan(2);
});

test('an account that is not in Goal Lens shows a quiet note, and non-account pages get no panel', async () => {
  await connectSession(session);
  const page = await session.context.newPage();
  await page.goto(crmUrls.salesforceAccount(SHOWCASE.unknownSalesforceId));
  await expect(panel(page).getByTestId('not-in-goal-lens')).toHaveText('This account is not in Goal Lens.');
  await expect(panel(page).getByRole('alert')).toHaveCount(0);

  for (const url of [
    crmUrls.salesforceAccountList(),
    crmUrls.hubspotContact(),
    crmUrls.hubspotCompanyList(),
  ]) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('goal-lens-panel')).toHaveCount(0);
  }
});

test('the panel collapses, is keyboard reachable, and remembers it across pages', async () => {
  await connectSession(session);
  const page = await session.context.newPage();
  await page.goto(crmUrls.salesforceAccount(acme.salesforceId));
  const toggle = panel(page).getByRole('button', { name: /Goal Lens panel/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(panel(page).getByRole('heading', { name: acme.name })).toBeHidden();

  await page.goto(crmUrls.hubspotCompany(acme.hubspotId));
  await expect(panel(page).getByRole('button', { name: /Goal Lens panel/ })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await panel(page)
    .getByRole('button', { name: /Goal Lens panel/ })
    .click();
  await expect(panel(page).getByRole('heading', { name: acme.name })).toBeVisible();
});

test('offline: with the backend stopped the panel shows cached data and its age', async () => {
  const options = await connectSession(session);
  await session.backend.server.close();

  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect(options.getByTestId('notice')).toContainText('Cannot reach the backend');

  const page = await session.context.newPage();
  await page.goto(crmUrls.salesforceAccount(acme.salesforceId));
  const region = panel(page);
  await expect(region.getByRole('heading', { name: acme.name })).toBeVisible();
  await expect(region.getByText('Acme expansion ARR signed')).toBeVisible();
  await expect(region.getByTestId('panel-footer')).toContainText('Synced just now');
  await expect(region.getByRole('alert')).toContainText('Sync failed: Cannot reach the backend');
});

test('an invalid record from the backend keeps its last good version and says what was wrong', async () => {
  const options = await connectSession(session);
  const renamed = demoSnapshot().accounts.find((a) => a.id === globex.id);
  if (!renamed) throw new Error('the demo data lost Globex');
  await importSnapshot(session.backend.server.db, {
    ...emptySnapshot,
    accounts: [{ ...renamed, name: 'Globex Holdings' }],
  });
  // A backend bug: Acme's feed entry now carries a tier id of the wrong type.
  await session.backend.server.db.query(
    `UPDATE changes SET data = jsonb_set(data::jsonb, '{tierId}', '42')::json, seq = nextval('change_seq')
     WHERE type = 'account' AND entity_id = $1`,
    [acme.id],
  );

  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect(options.getByTestId('sync-status')).toContainText(`account ${acme.id} — tierId:`);

  const page = await session.context.newPage();
  await page.goto(crmUrls.hubspotCompany(globex.hubspotId));
  await expect(panel(page).getByRole('heading', { name: 'Globex Holdings' })).toBeVisible();
  await page.goto(crmUrls.salesforceAccount(acme.salesforceId));
  await expect(panel(page).getByRole('heading', { name: acme.name })).toBeVisible();
  await expect(panel(page)).toContainText('Tier 1 Strategic');
  await expect(panel(page).getByTestId('panel-footer')).toContainText(`account ${acme.id}, tierId:`);
});

test('a hostile account name renders as text, never as markup', async () => {
  const hostile = '<img src=x onerror="window.__pwned=1">Evil & Co <script>window.__pwned=2</script>';
  const base = demoSnapshot().accounts.find((a) => a.id === acme.id);
  if (!base) throw new Error('the demo data lost Acme');
  await importSnapshot(session.backend.server.db, {
    ...emptySnapshot,
    accounts: [
      {
        ...base,
        id: 'acc-hostile',
        name: hostile,
        crmRefs: [{ crm: 'salesforce', id: SHOWCASE.unknownSalesforceId }],
      },
    ],
  });
  await connectSession(session);
  const page = await session.context.newPage();
  await page.goto(crmUrls.salesforceAccount(SHOWCASE.unknownSalesforceId));
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(hostile);
  expect(await page.locator('goal-lens-panel').locator('img, script').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});
