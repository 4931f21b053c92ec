import { expect, type Page, test } from '@playwright/test';
import { SHOWCASE, startServer } from '../../server/index.ts';
import { revokeUserSessions } from '../../server/sessions/sessions.ts';
import { createInvitation, invitationLink } from '../../server/signin/invitations.ts';
import { openIdConnect } from '../../server/signin/oidc.ts';
import type { SignInOptions } from '../../server/signin/routes.ts';
import { crmUrls, serveCrmFixtures } from '../fixtures/crm/routes.ts';
import { CLIENT, startProvider } from '../server/oidc-provider.ts';
import { launchWithExtension, removeProfile } from './browser.ts';
import { optionsUrl } from './options.ts';
import { panel } from './panel-region.ts';
import { grantHostPermission } from './site-access.ts';

const { lead } = SHOWCASE.users;
const { acme } = SHOWCASE.accounts;

/** The development login and consent pages of the identity provider, filled in as a person would. */
async function signInAtProvider(tab: Page, login: string): Promise<void> {
  await tab.locator('input[name="login"]').fill(login);
  await tab.locator('input[name="password"]').fill('any');
  await tab.locator('button[type="submit"]').click();
  await tab.locator('button[type="submit"]').click();
}

test('sign in in a browser tab through the company login, sync, panel; invitation link in a tab; sign out', async () => {
  // A real identity provider's login, consent and redirects, then a sync and a second sign-in.
  test.setTimeout(180_000);
  const signIn: SignInOptions = { redirectUris: [] };
  const server = await startServer({ port: 0, storage: { kind: 'memory' }, seed: 'demo', signIn });
  const idp = await startProvider(`${server.url}/auth/callback`, {
    lead: { email: lead.email, email_verified: true, name: lead.name },
  });
  signIn.identityProvider = openIdConnect({
    issuer: idp.issuer,
    clientId: CLIENT.id,
    clientSecret: CLIENT.secret,
  });
  const browser = await launchWithExtension();
  try {
    await serveCrmFixtures(browser.context);
    // Stands in for the person answering the browser's permission prompt for the backend.
    await grantHostPermission(browser.context, browser.extensionId, 'http://127.0.0.1/*');
    const options = await browser.context.newPage();
    await options.goto(optionsUrl(browser.extensionId));
    await options.getByLabel('Backend URL').fill(server.url);
    // Only typed, not saved: the sign-in saves the backend it signs in to.
    const opened = browser.context.waitForEvent('page');
    await options.getByRole('button', { name: 'Open sign-in in a browser tab' }).click();
    const tab = await opened;
    await signInAtProvider(tab, 'lead');
    await expect(tab.getByRole('status')).toHaveText(
      `Signed in to Goal Lens as ${lead.name}. You can close this tab.`,
    );
    // The code left the address bar as soon as Goal Lens had it.
    expect(new URL(tab.url()).hash).toBe('');

    await options.reload();
    await expect(options.getByText(`Signed in as ${lead.name}`)).toBeVisible();
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect(options.getByTestId('notice')).toHaveText(/Synced \d+ accounts\./);
    const crm = await browser.context.newPage();
    await crm.goto(crmUrls.salesforceAccount(acme.salesforceId));
    await expect(panel(crm).getByRole('heading', { name: acme.name })).toBeVisible();

    // Signed out elsewhere: the extension says so, once, instead of retrying.
    await revokeUserSessions(server.db, lead.id);
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect(options.getByTestId('notice')).toContainText('You were signed out');

    await options.getByRole('button', { name: 'Sign out' }).click();
    await expect(options.getByTestId('notice')).toContainText('Signed out');
    await crm.reload();
    await expect(panel(crm).getByText('Goal Lens is not signed in')).toBeVisible();
    await expect(panel(crm).getByRole('heading', { name: acme.name })).toHaveCount(0);

    // An invitation link opened in this browser signs it in, with no pasting.
    const invite = await browser.context.newPage();
    await invite.goto(invitationLink(server.url, await createInvitation(server.db, lead.email)));
    await expect(invite.getByRole('status')).toHaveText(
      `Signed in to Goal Lens as ${lead.name}. You can close this tab.`,
    );
    await options.reload();
    await expect(options.getByText(`Signed in as ${lead.name}`)).toBeVisible();

    // A second link does not switch a signed-in browser to whoever it was made for.
    const other = await browser.context.newPage();
    await other.goto(invitationLink(server.url, await createInvitation(server.db, SHOWCASE.users.csm.email)));
    await expect(other.getByRole('status')).toContainText('already signed in to Goal Lens');
  } finally {
    await browser.context.close();
    await idp.close();
    await server.close();
    await removeProfile(browser.profileDir);
  }
});
