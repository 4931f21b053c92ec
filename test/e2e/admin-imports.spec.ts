import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { adminSessionPerTest } from './workspace.ts';

const INVITEE_EMAIL = 'tom.nguyen@example.com';

const admin = adminSessionPerTest();
const openWorkspace = admin.open;

const csvFile = (text: string) => ({ name: 'teams.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

async function teamIds(): Promise<string[]> {
  const response = await fetch(`${admin.session().backend.server.url}/v1/admin/teams`, {
    headers: { Authorization: `Bearer ${admin.session().backend.token}` },
  });
  return ((await response.json()) as { items: { id: string }[] }).items.map((team) => team.id);
}

test('an admin previews a CSV with a bad row, fixes it, imports it, and finds it in the audit log', async () => {
  const page = await openWorkspace('imports');
  await page.getByLabel('Import into').selectOption('teams');
  await page
    .getByLabel('CSV file')
    .setInputFiles(csvFile('Team ID,Team Name\r\nteam-north,North\r\nteam-south,\r\n'));
  // Mapped automatically: the page shows what each column fills, and it can be changed.
  await expect(page.getByLabel('Team Name')).toHaveValue('name');

  await page.getByRole('button', { name: 'Preview' }).click();
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems.getByRole('row').nth(1)).toContainText('3');
  await expect(problems.getByRole('row').nth(1)).toContainText('Team Name');
  await expect(page.getByRole('alert')).toContainText('nothing was imported');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('nothing was imported');
  expect(await teamIds()).not.toContain('team-north');

  await page
    .getByLabel('CSV file')
    .setInputFiles(csvFile('Team ID,Team Name\r\nteam-north,North\r\nteam-south,South\r\n'));
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'would create 2' })).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported: created 2' })).toBeVisible();
  expect(await teamIds()).toEqual(expect.arrayContaining(['team-north', 'team-south']));

  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByLabel('Collection').selectOption('teams');
  await page.getByLabel('Person').selectOption({ label: 'Sam Okafor' });
  const entry = page.getByRole('row').filter({ hasText: 'team-north' });
  await expect(entry).toContainText('Sam Okafor');
  await expect(entry).toContainText('team-south');
});

test('an admin makes an invitation link for a person on the People page', async () => {
  const page = await openWorkspace('people');
  const email = page.getByLabel('Email', { exact: true });
  await email.fill('not an email');
  await page.getByRole('button', { name: 'Create invitation link' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter an email address');
  await expect(email).toHaveValue('not an email');

  await email.fill(INVITEE_EMAIL);
  await page.getByRole('button', { name: 'Create invitation link' }).click();
  await expect(page.getByLabel('Invitation link')).toHaveValue(/\/auth\/invite\/[\w-]{20,}$/);
});

test('5 000 bad rows: the problems table draws only the rows in view and scrolls to the last by keyboard', async () => {
  const page = await openWorkspace('imports');
  await page.getByLabel('Import into').selectOption('teams');
  const rows = Array.from({ length: 5000 }, (_, i) => `team-${i},`).join('\r\n');
  await page.getByLabel('CSV file').setInputFiles(csvFile(`Team ID,Team Name\r\n${rows}\r\n`));
  await page.getByRole('button', { name: 'Preview' }).click();
  const scroller = page.getByRole('region', { name: /5000 rows, scrollable/ });
  const table = scroller.getByRole('table');
  await expect(table).toHaveAttribute('aria-rowcount', '5001');
  expect(await table.getByRole('row').count()).toBeLessThan(60);
  await scroller.focus();
  await page.keyboard.press('End');
  const last = table.getByRole('row').filter({ hasText: '5001' });
  await expect(last).toHaveAttribute('aria-rowindex', '5001');
  expect(await table.getByRole('row').count()).toBeLessThan(60);
  await expectNoSeriousViolations(page);
});

for (const route of ['imports', 'people', 'audit']) {
  test(`the ${route} screen has no serious or critical accessibility violation`, async () => {
    const page = await openWorkspace(route);
    if (route === 'imports') {
      await page.getByLabel('Import into').selectOption('teams');
      await page.getByLabel('CSV file').setInputFiles(csvFile('id,name\r\nteam-x,\r\n'));
      await page.getByRole('button', { name: 'Preview' }).click();
      await expect(page.getByRole('region', { name: 'Problems' })).toBeVisible();
    } else {
      await expect(page.getByRole('table').first()).toBeVisible();
    }
    await expectNoSeriousViolations(page);
  });
}
