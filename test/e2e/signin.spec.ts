import { expect, test } from '@playwright/test';
import { SHOWCASE, startServer } from '../../server/index.ts';
import { revokeUserSessions } from '../../server/sessions/sessions.ts';
import { createInvitation, invitationLink } from '../../server/signin/invitations.ts';
import { crmUrls, serveCrmFixtures } from '../fixtures/crm/routes.ts';
import { launchWithExtension, removeProfile } from './browser.ts';
import { optionsUrl } from './options.ts';
import { panel } from './panel-region.ts';

const { lead } = SHOWCASE.users;
const { acme } = SHOWCASE.accounts;

test('sign in with an invitation link, sync, see the panel; a revoked session says so; sign out', async () => {
  // The allow-list learns the extension's redirect URL once the browser has given it an id.
  const redirectUris: string[] = [];
  const server = await startServer({
    port: 0,
    storage: { kind: 'memory' },
    seed: 'demo',
    signIn: { redirectUris },
  });
  const browser = await launchWithExtension();
  try {
    redirectUris.push(`https://${browser.extensionId}.chromiumapp.org/`);
    await serveCrmFixtures(browser.context);
    const options = await browser.context.newPage();
    await options.goto(optionsUrl(browser.extensionId));
    await options.getByLabel('Backend URL').fill(server.url);
    await options.getByText('Have an invitation link?').click();
    const link = invitationLink(server.url, await createInvitation(server.db, lead.email));
    await options.getByLabel('Invitation link').fill(link);
    await options.getByRole('button', { name: 'Sign in' }).click();
    await expect(options.getByTestId('notice')).toContainText(`Signed in as ${lead.name}`);

    await expect(options.getByRole('list', { name: 'Signed-in devices' })).toContainText(
      'Chrome on Linux (this browser)',
    );
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect(options.getByTestId('notice')).toHaveText(/Synced \d+ accounts\./);
    const page = await browser.context.newPage();
    await page.goto(crmUrls.salesforceAccount(acme.salesforceId));
    await expect(panel(page).getByRole('heading', { name: acme.name })).toBeVisible();

    // Signed out elsewhere (or deactivated): the extension says so instead of retrying.
    await revokeUserSessions(server.db, lead.id);
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect(options.getByTestId('notice')).toContainText('You were signed out');

    await options.getByRole('button', { name: 'Sign out' }).click();
    await expect(options.getByTestId('notice')).toContainText('Signed out');
    await expect(options.getByRole('button', { name: 'Sign in' })).toBeVisible();
  } finally {
    await browser.context.close();
    await server.close();
    await removeProfile(browser.profileDir);
  }
});
