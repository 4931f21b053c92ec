/**
 * `npm run demo`: builds the extension, starts the reference backend with the demo data, and opens
 * Chromium with the extension connected, on a demo Salesforce account. Without a display it runs
 * headless and writes a screenshot of the panel instead.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { SHOWCASE, startServer } from '../server/index.ts';
import { DEMO_USERS } from '../server/seed/demo-users.ts';
import { createInvitation, invitationLink } from '../server/signin/invitations.ts';
import { launchWithExtension, removeProfile } from '../test/e2e/browser.ts';
import { crmUrls, DYNAMICS_FIXTURE_RECORDS, serveCrmFixtures } from '../test/fixtures/crm/routes.ts';

const SCREENSHOT = resolve(process.env.GOAL_LENS_DEMO_SCREENSHOT ?? 'demo-screenshot.png');
/** The demo's admin-capable user, who also sees the whole book. */
const DEMO_ADMIN = DEMO_USERS.find((user) => user.role === 'admin') ?? SHOWCASE.users.lead;
const headless = !process.env.DISPLAY || process.argv.includes('--headless');

function build() {
  const result = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Building the extension failed; see the output above.');
}

async function main() {
  build();
  // The extension's redirect URL joins the sign-in allow-list once the browser has given it an id.
  const redirectUris: string[] = [];
  const server = await startServer({
    port: Number(process.env.PORT ?? 8787),
    storage: { kind: 'memory' },
    seed: 'demo',
    signIn: { redirectUris },
  });
  const { context, extensionId, profileDir } = await launchWithExtension(undefined, { headless });
  redirectUris.push(`https://${extensionId}.chromiumapp.org/`);
  await serveCrmFixtures(context);

  // No pasted token: an admin (who also sees the whole book, like a lead) signs in through a one-time
  // invitation link, as a small team would, so the admin workspace is there to try too.
  const link = invitationLink(server.url, await createInvitation(server.db, DEMO_ADMIN.email));
  console.log(`Reference backend with demo data: ${server.url}; invitation for ${DEMO_ADMIN.name}: ${link}`);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Backend URL').fill(server.url);
  await options.getByText('Have an invitation link?').click();
  await options.getByLabel('Invitation link').fill(link);
  await options.getByRole('button', { name: 'Sign in' }).click();
  await options
    .getByText(/Signed in as/)
    .first()
    .waitFor();
  await options.getByRole('button', { name: 'Sync now' }).click();
  await options.getByText(/Synced \d+ accounts/).waitFor({ timeout: 60_000 });

  const page = await context.newPage();
  await page.goto(crmUrls.salesforceAccount(SHOWCASE.accounts.acme.salesforceId));
  await page.locator('goal-lens-panel').getByRole('heading', { name: SHOWCASE.accounts.acme.name }).waitFor();

  const workspace = await context.newPage();
  await workspace.goto(`chrome-extension://${extensionId}/admin.html#/tiers`);
  await page.bringToFront();

  const shutdown = async () => {
    await context.close().catch(() => undefined);
    await server.close();
    await removeProfile(profileDir);
  };

  if (headless) {
    await page.screenshot({ path: SCREENSHOT });
    console.log(`No display: ran headless and wrote a screenshot of the panel to ${SCREENSHOT}`);
    await shutdown();
    return;
  }
  console.log(
    'Chromium is open on a demo Salesforce account, with the admin workspace in the next tab. Try the other accounts in the app bar, HubSpot, or Dynamics 365',
  );
  console.log('(where only Acme is linked; Globex is matched by its website, Initech by its name):');
  console.log(`  ${crmUrls.hubspotCompany(SHOWCASE.accounts.globex.hubspotId)}`);
  console.log(`  ${crmUrls.dynamicsAccount()}`);
  console.log(`  ${crmUrls.dynamicsAccount(DYNAMICS_FIXTURE_RECORDS.globex)}`);
  console.log('Close the browser (or press Ctrl+C) to stop the demo.');
  process.once('SIGINT', () => void shutdown().then(() => process.exit(0)));
  await new Promise<void>((done) => context.once('close', () => done()));
  await server.close();
  await removeProfile(profileDir);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
