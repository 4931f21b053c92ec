import { expect, type Page, test } from '@playwright/test';
import { SHOWCASE } from '../../server/index.ts';
import { crmUrls, serveSalesforceFixtureAt } from '../fixtures/crm/routes.ts';
import { panel } from './panel-region.ts';
import { closeSession, connectSession, type ExtensionSession, openSession } from './session.ts';
import {
  grantHostPermission,
  hasHostPermission,
  registeredMatches,
  revokeHostPermission,
} from './site-access.ts';

const { acme, globex } = SHOWCASE.accounts;
const VANITY_HOST = 'login.acme-corp.com';
const VANITY_PATTERN = `https://${VANITY_HOST}/*`;
const vanityAccountUrl = `https://${VANITY_HOST}/lightning/r/Account/${acme.salesforceId}/view`;
/** Long enough for a content script that would mount to have mounted: the panel shows within ~300 ms. */
const SETTLE_MS = 1500;

// Each test walks the options page and several CRM page loads: more steps than the suite's default allows for.
test.describe.configure({ timeout: 180_000 });

let session: ExtensionSession;

test.beforeEach(async () => {
  session = await openSession();
  await serveSalesforceFixtureAt(session.context, VANITY_HOST);
});

test.afterEach(() => closeSession(session));

async function expectNoTrace(page: Page): Promise<void> {
  await page.waitForTimeout(SETTLE_MS);
  await expect(page.locator('goal-lens-panel')).toHaveCount(0);
}

test('a CRM switched off in the options gets no panel, and gets it back when switched on', async () => {
  const options = await connectSession(session);
  const crm = await session.context.newPage();
  await crm.goto(crmUrls.salesforceAccount(acme.salesforceId));
  await expect(panel(crm).getByRole('heading', { name: acme.name })).toBeVisible();

  await options.getByRole('checkbox', { name: 'Salesforce' }).uncheck();
  await expect(options.getByTestId('sites-notice')).toHaveText('Saved.');
  // An open page drops the panel at once; a fresh load never adds it.
  await expect(crm.locator('goal-lens-panel')).toHaveCount(0);
  await crm.reload();
  await expectNoTrace(crm);
  const hubspot = await session.context.newPage();
  await hubspot.goto(crmUrls.hubspotCompany(acme.hubspotId));
  await expect(panel(hubspot).getByRole('heading', { name: acme.name })).toBeVisible();

  await options.reload();
  await expect(options.getByRole('checkbox', { name: 'Salesforce' })).not.toBeChecked();
  await options.getByRole('checkbox', { name: 'Salesforce' }).check();
  await expect(options.getByTestId('sites-notice')).toHaveText('Saved.');
  await crm.reload();
  await expect(panel(crm).getByRole('heading', { name: acme.name })).toBeVisible();
});

test('a custom Salesforce domain gets the panel once added, and loses it once removed', async () => {
  const options = await connectSession(session);
  const crm = await session.context.newPage();
  await crm.goto(vanityAccountUrl);
  await expectNoTrace(crm);

  // Refused before any prompt: the built-in domains need no adding.
  await options.getByLabel('Custom domain').fill('acme.lightning.force.com');
  await options.getByRole('button', { name: 'Add domain' }).click();
  await expect(options.getByTestId('sites-notice')).toContainText('covers already');

  await grantHostPermission(session.context, session.extensionId, VANITY_PATTERN);
  await options.getByLabel('Custom domain').fill(`https://${VANITY_HOST}/`);
  await options.getByLabel('CRM on this domain').selectOption({ label: 'Salesforce' });
  await options.getByRole('button', { name: 'Add domain' }).click();
  await expect(options.getByTestId('sites-notice')).toContainText(`Added ${VANITY_HOST}`);
  await expect(options.getByTestId('custom-domain')).toContainText(`${VANITY_HOST} (Salesforce) Active`);
  expect(await registeredMatches(session.context)).toEqual([VANITY_PATTERN]);

  await crm.reload();
  await expect(panel(crm).getByRole('heading', { name: acme.name })).toBeVisible();
  await expect(panel(crm)).toContainText('Tier 1 Strategic');
  // In-app navigation is followed there too: another account, then a contact (no panel).
  const nav = crm.getByRole('navigation', { name: 'Global' });
  await nav.getByRole('link', { name: globex.name }).click();
  await expect(panel(crm).getByRole('heading', { name: globex.name })).toBeVisible();
  await nav.getByRole('link', { name: 'Jordan Blake' }).click();
  await expect(crm).toHaveURL(/\/lightning\/r\/Contact\//);
  await expect(crm.locator('goal-lens-panel')).toHaveCount(0);

  await options.getByRole('button', { name: `Remove ${VANITY_HOST}` }).click();
  await expect(options.getByTestId('sites-notice')).toContainText(`Removed ${VANITY_HOST}`);
  await expect(options.getByTestId('custom-domain')).toHaveCount(0);
  expect(await registeredMatches(session.context)).toEqual([]);
  expect(await hasHostPermission(options, VANITY_PATTERN)).toBe(false);
  await crm.goto(vanityAccountUrl);
  await expectNoTrace(crm);
});

test('a permission revoked in the browser drops the registration; allowing it again restores it', async () => {
  const options = await connectSession(session);
  await grantHostPermission(session.context, session.extensionId, VANITY_PATTERN);
  await options.getByLabel('Custom domain').fill(VANITY_HOST);
  await options.getByRole('button', { name: 'Add domain' }).click();
  await expect(options.getByTestId('custom-domain')).toContainText('Active');

  await revokeHostPermission(session.context, session.extensionId, VANITY_PATTERN);
  await expect.poll(() => registeredMatches(session.context)).toEqual([]);
  const crm = await session.context.newPage();
  await crm.goto(vanityAccountUrl);
  await expectNoTrace(crm);
  await options.reload();
  await expect(options.getByTestId('custom-domain')).toContainText('Not allowed');

  await grantHostPermission(session.context, session.extensionId, VANITY_PATTERN);
  await expect.poll(() => registeredMatches(session.context)).toEqual([VANITY_PATTERN]);
  await crm.reload();
  await expect(panel(crm).getByRole('heading', { name: acme.name })).toBeVisible();
});
