import { expect, type Locator, type Page, test } from '@playwright/test';
import { checkAccount } from '../../lib/tiers/account-check.ts';
import { demoSnapshot, SHOWCASE } from '../../server/index.ts';
import { crmUrls } from '../fixtures/crm/routes.ts';
import { optionsUrl } from './options.ts';
import { panel } from './panel-region.ts';
import { closeSession, connectSession, type ExtensionSession, openSession } from './session.ts';

const { acme, globex } = SHOWCASE.accounts;
const GLOBEX_RECORD = `https://${SHOWCASE.salesforceHost}/lightning/r/Account/${globex.salesforceId}/view`;
const UNDER_SERVED = 'Under-served: expected Tier 1 Strategic';
const CRM_SAYS = 'CRM says Tier 1 Strategic';

let session: ExtensionSession;

async function start(email: string) {
  session = await openSession(email);
  await connectSession(session);
}

test.afterEach(() => closeSession(session));

function flags(page: Page): Locator {
  return panel(page).getByRole('list', { name: 'Tier misalignment' });
}

function flagToggle(page: Page, title: string): Locator {
  return flags(page).getByRole('button', { name: new RegExp(`^${title}$`) });
}

/** A demo account its tier, its CRM and its benchmarks all agree on, found with the same rules. */
function alignedAccount() {
  const demo = demoSnapshot();
  const definitions = new Map(demo.metricDefinitions.map((d) => [d.key, d]));
  const aligned = demo.accounts.find(
    (account) =>
      checkAccount(
        account,
        demo.metrics.filter((m) => m.accountId === account.id),
        { tiers: demo.tiers, definitions },
        account.crmTier,
      ).length === 0,
  );
  const salesforceId = aligned?.crmRefs.find((ref) => ref.crm === 'salesforce')?.id;
  if (!aligned || !salesforceId) throw new Error('the demo data has no aligned account');
  return { name: aligned.name, salesforceId };
}

test('the panel flags a misaligned account with its reasons, reading the tier the CRM page shows', async () => {
  await start(SHOWCASE.users.csm.email);
  const page = await session.context.newPage();
  await page.goto(crmUrls.salesforceAccount(globex.salesforceId));
  await expect(panel(page).getByRole('heading', { name: globex.name })).toBeVisible();

  // The synced CRM tier says Tier 2 Growth; the Salesforce page's "Customer Tier" says Tier 1 Strategic.
  await expect(flags(page).getByTestId('misalignment-flag')).toHaveCount(2);
  const underServed = flagToggle(page, UNDER_SERVED);
  await expect(underServed).toHaveAttribute('aria-expanded', 'false');
  const reason = 'ARR $310k meets Tier 1 Strategic (≥ $250k); assigned Tier 2 Growth';
  await expect(flags(page).getByText(reason)).toBeHidden();
  await underServed.click();
  await expect(underServed).toHaveAttribute('aria-expanded', 'true');
  await expect(flags(page).getByText(reason)).toBeVisible();

  // Keyboard reachable: Enter on the focused flag shows its reasons.
  await flagToggle(page, CRM_SAYS).focus();
  await page.keyboard.press('Enter');
  await expect(flags(page).getByText('CRM says Tier 1 Strategic; assigned Tier 2 Growth')).toBeVisible();
  await expect(flags(page).getByText("Read from this page's “Customer Tier” field.")).toBeVisible();
  await panel(page).screenshot({ path: test.info().outputPath('panel-flag.png') });

  // In-app navigation to Acme: its page agrees with its tier, but it misses two Tier 1 benchmarks.
  await page.getByRole('navigation', { name: 'Global' }).getByRole('link', { name: acme.name }).click();
  await expect(panel(page).getByRole('heading', { name: acme.name })).toBeVisible();
  await expect(flags(page).getByTestId('misalignment-flag')).toHaveCount(1);
  await flagToggle(page, 'Misses benchmarks').click();
  await expect(flags(page)).toContainText('Days since last QBR 104 > 90 (benchmark of Tier 1 Strategic)');
  await expect(flags(page)).toContainText('Net promoter score 22 < 30 (benchmark of Tier 1 Strategic)');

  // An aligned account shows no flag at all.
  const aligned = alignedAccount();
  await page.goto(crmUrls.salesforceAccount(aligned.salesforceId));
  await expect(panel(page).getByRole('heading', { name: aligned.name })).toBeVisible();
  await expect(flags(page)).toHaveCount(0);

  // HubSpot's record markup has no citable public source, so its page is not read: the synced tier counts.
  await page.goto(crmUrls.hubspotCompany(globex.hubspotId));
  await expect(panel(page).getByRole('heading', { name: globex.name })).toBeVisible();
  await expect(flagToggle(page, UNDER_SERVED)).toBeVisible();
  await expect(flagToggle(page, CRM_SAYS)).toHaveCount(0);

  // Another field label in the options: the Salesforce page has no such field, so the synced tier counts.
  await page.goto(crmUrls.salesforceAccount(globex.salesforceId));
  await expect(flagToggle(page, CRM_SAYS)).toBeVisible();
  const options = await session.context.newPage();
  await options.goto(optionsUrl(session.extensionId));
  await expect(options.getByLabel('CRM tier field label')).toHaveValue('Customer Tier');
  await options.getByLabel('CRM tier field label').fill('Service Tier');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('notice')).toHaveText('Settings saved.');
  await page.reload();
  await expect(flagToggle(page, UNDER_SERVED)).toBeVisible();
  await expect(flagToggle(page, CRM_SAYS)).toHaveCount(0);
});

test('the lead view lists Globex, filters by kind, owner and tier, and its link opens the record', async () => {
  await start(SHOWCASE.users.lead.email);
  const view = await session.context.newPage();
  // About as wide as Chrome's side panel.
  await view.setViewportSize({ width: 420, height: 860 });
  await view.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
  const summary = view.getByTestId('book-summary');
  await expect(summary).toHaveText(/^\d+ of 200 accounts misaligned$/);
  const total = Number((await summary.textContent())?.split(' ')[0]);
  const rows = view.getByTestId('misaligned-account');
  // Virtualised: only the rows on screen are in the DOM.
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(total);
  await view.screenshot({ path: test.info().outputPath('lead-view.png') });

  const globexRow = rows.filter({ hasText: globex.name });
  await view.getByLabel('Owner', { exact: true }).selectOption({ label: SHOWCASE.users.csm.name });
  await view.getByLabel('Kind', { exact: true }).selectOption({ label: 'Under-served' });
  await expect(globexRow).toBeVisible();
  await expect(globexRow).toContainText('$310K');
  await expect(globexRow).toContainText(`Tier 2 Growth · ${SHOWCASE.users.csm.name}`);
  await expect(view.getByTestId('count-under_served')).toHaveAttribute('aria-pressed', 'true');
  const underServed = await rows.allTextContents();

  // Globex's synced CRM tier agrees with its tier, so the CRM filter drops it and shows others.
  await view.getByLabel('Kind', { exact: true }).selectOption({ label: 'CRM tier differs' });
  await expect(globexRow).toHaveCount(0);
  expect(await rows.allTextContents()).not.toEqual(underServed);
  for (const row of await rows.all()) await expect(row).toContainText('CRM tier differs');

  await view.getByLabel('Kind', { exact: true }).selectOption({ label: 'Under-served' });
  await view.getByLabel('Tier', { exact: true }).selectOption({ label: 'Tier 1 Strategic' });
  await expect(globexRow).toHaveCount(0);
  await view.getByLabel('Tier', { exact: true }).selectOption({ label: 'Tier 2 Growth' });
  await expect(globexRow).toBeVisible();

  await globexRow.getByRole('button', { name: `Why ${globex.name} is flagged` }).click();
  await expect(view.getByTestId('misaligned-details')).toContainText(
    'ARR $310k meets Tier 1 Strategic (≥ $250k); assigned Tier 2 Growth',
  );
  await view.screenshot({ path: test.info().outputPath('lead-view-filtered.png') });

  const link = globexRow.getByRole('link', { name: new RegExp(globex.name) });
  await expect(link).toHaveAttribute('href', GLOBEX_RECORD);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener');
  const [record] = await Promise.all([session.context.waitForEvent('page'), link.click()]);
  await expect(record).toHaveURL(GLOBEX_RECORD);
  await expect(panel(record).getByRole('heading', { name: globex.name })).toBeVisible();
  await expect(flagToggle(record, UNDER_SERVED)).toBeVisible();
});

test('a CSM is told the book view is for leads; the popup opens the side panel', async () => {
  await start(SHOWCASE.users.csm.email);
  const view = await session.context.newPage();
  await view.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
  await expect(view.getByRole('alert')).toHaveText('Only leads see the book view.');
  await expect(view.getByTestId('misaligned-account')).toHaveCount(0);

  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await expect(popup.getByRole('button', { name: 'Misaligned accounts' })).toBeVisible();
});
