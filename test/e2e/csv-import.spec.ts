import { expect, test } from '@playwright/test';
import { createToken } from '../../server/index.ts';
import { crmUrls } from '../fixtures/crm/routes.ts';
import { panel } from './panel-region.ts';
import { closeSession, connectSession, type ExtensionSession, openSession } from './session.ts';

const ADMIN_EMAIL = 'sam.okafor@example.com';
const VANDELAY_ID = '001Dn00000Vndly';

let session: ExtensionSession;

test.beforeEach(async () => {
  session = await openSession();
});

test.afterEach(() => closeSession(session));

test('an account imported from a Salesforce CSV export shows in the panel on its Salesforce page', async () => {
  const admin = await createToken(session.backend.server.db, ADMIN_EMAIL);
  const csv = [
    '"Account Owner","Account Name","Website","Account ID","ARR","Tier"',
    `"Priya Raman","Vandelay Industries","https://www.vandelay.example/","${VANDELAY_ID}","$2,400,000.00","Tier 1 Strategic"`,
    '',
    '"Confidential Information - Do Not Distribute"',
    '',
  ].join('\r\n');
  const response = await fetch(`${session.backend.server.url}/v1/admin/import/accounts?dryRun=false`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'text/csv' },
    body: csv,
  });
  expect(await response.json()).toMatchObject({ counts: { created: 1 }, problems: [] });

  await connectSession(session);
  const page = await session.context.newPage();
  // The 18-char form of the id, as Lightning shows it in its URLs.
  await page.goto(crmUrls.salesforceAccount(`${VANDELAY_ID}IAB`));
  const region = panel(page);
  await expect(region.getByRole('heading', { name: 'Vandelay Industries' })).toBeVisible();
  await expect(region).toContainText('Tier 1 Strategic');
});
