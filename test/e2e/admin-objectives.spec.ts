import { expect, test } from '@playwright/test';
import { DEMO_QUARTER, SHOWCASE } from '../../server/index.ts';
import { crmUrls } from '../fixtures/crm/routes.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { panel } from './panel-region.ts';
import { adminSessionPerTest } from './workspace.ts';

const OBJECTIVE = 'Rescue the Acme renewal';
const KEY_RESULT = 'Acme executive sponsors met';
/** Through the feed and the live channel; the margin is for a shared, busy test machine. */
const PANEL_TIMEOUT = 20_000;

const admin = adminSessionPerTest();
const workspace = admin.open;

test('an objective with a key result made in the workspace shows in the panel, and leaves it when archived', async () => {
  const page = await workspace('objectives');
  await page.getByRole('button', { name: 'New objective' }).click();
  const objective = page.getByRole('form', { name: 'Objective' });
  await objective.getByLabel('Objective id').fill('obj-acme-rescue');
  await objective.getByLabel('Title').fill(OBJECTIVE);
  await objective.getByLabel('Level').selectOption('team');
  await objective.getByLabel('Period start').fill(DEMO_QUARTER.start);
  await objective.getByLabel('Period end').fill(DEMO_QUARTER.end);
  await objective.getByRole('button', { name: 'Save objective' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved ${OBJECTIVE}.` })).toBeVisible();

  await page.getByRole('button', { name: `Add key result to ${OBJECTIVE}` }).click();
  const keyResult = page.getByRole('form', { name: 'Key result' });
  await keyResult.getByLabel('Key result id').fill('kr-acme-sponsors');
  await keyResult.getByLabel('Key result title').fill(KEY_RESULT);
  await keyResult.getByLabel('Target').fill('4');
  await keyResult.getByLabel('Accounts (ids, comma-separated)').fill(SHOWCASE.accounts.acme.id);
  await keyResult.getByRole('button', { name: 'Save key result' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved ${KEY_RESULT}.` })).toBeVisible();
  const cascade = page.getByRole('list', { name: 'Objective cascade' });
  await expect(cascade.getByRole('list', { name: `Key results of ${OBJECTIVE}` })).toContainText(KEY_RESULT);

  const crm = await admin.session().context.newPage();
  await crm.goto(crmUrls.salesforceAccount(SHOWCASE.accounts.acme.salesforceId));
  const shown = panel(crm).getByTestId('key-result').filter({ hasText: KEY_RESULT });
  await expect(shown).toBeVisible({ timeout: PANEL_TIMEOUT });
  await expect(shown).toContainText('0');

  await page.bringToFront();
  await page.getByRole('button', { name: `Archive ${OBJECTIVE}`, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Archived ${OBJECTIVE}.` })).toBeVisible();
  await expect(cascade).not.toContainText(OBJECTIVE);
  const archived = page.getByText('Archived objectives (1)');
  await archived.click();
  await expect(page.getByRole('list', { name: 'Archived objectives' })).toContainText(OBJECTIVE);
  await expectNoSeriousViolations(page);

  // The panel that is open drops it with no action (the live channel pokes a sync).
  await expect(shown).toHaveCount(0, { timeout: PANEL_TIMEOUT });
  await expect(panel(crm).getByTestId('key-result').first()).toBeVisible();

  await page.bringToFront();
  await page.getByRole('button', { name: `Restore ${OBJECTIVE}`, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Restored ${OBJECTIVE}.` })).toBeVisible();
  await expect(shown).toBeVisible({ timeout: PANEL_TIMEOUT });
});

test('the objectives and metrics screens, with a form and a preview open, have no serious accessibility violation', async () => {
  const objectives = await workspace('objectives');
  await objectives.getByRole('button', { name: 'New objective' }).click();
  await objectives.getByRole('button', { name: 'Save objective' }).click();
  await expect(objectives.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousViolations(objectives);

  const metrics = await workspace('metrics');
  await metrics.getByRole('list', { name: 'Metric definitions' }).getByRole('button').first().click();
  await metrics.getByLabel('Good at').fill('1');
  await metrics.getByRole('button', { name: 'Preview' }).click();
  await expect(metrics.getByRole('table', { name: 'Shifts, largest first' })).toBeVisible();
  await expectNoSeriousViolations(metrics);
});

test('each workspace screen is one region titled by a level-1 heading named as its link, the one the navigation marks current', async () => {
  const page = await workspace('tiers');
  for (const name of ['Tiers', 'Objectives', 'Metrics', 'People', 'Imports', 'Audit log']) {
    const link = page.getByRole('navigation', { name: 'Admin workspace' }).getByRole('link', { name });
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('region', { name }).getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  }
});
