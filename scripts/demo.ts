/**
 * `npm run demo`: builds the extension, starts the reference backend with the demo data, and opens
 * Chromium with the extension connected, on a demo Salesforce account. Without a display it runs
 * headless and writes a screenshot of the panel instead.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { createToken, SHOWCASE, startServer } from '../server/index.ts';
import { launchWithExtension, removeProfile } from '../test/e2e/browser.ts';
import { crmUrls, DYNAMICS_FIXTURE_RECORDS, serveCrmFixtures } from '../test/fixtures/crm/routes.ts';

const SCREENSHOT = resolve(process.env.GOAL_LENS_DEMO_SCREENSHOT ?? 'demo-screenshot.png');
const headless = !process.env.DISPLAY || process.argv.includes('--headless');

function build() {
  const result = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Building the extension failed; see the output above.');
}

async function main() {
  build();
  const server = await startServer({
    port: Number(process.env.PORT ?? 8787),
    storage: { kind: 'memory' },
    seed: 'demo',
  });
  const token = await createToken(server.db, SHOWCASE.users.lead.email);
  console.log(
    `Reference backend with demo data: ${server.url} (signed in as ${SHOWCASE.users.lead.name}, lead)`,
  );

  const { context, extensionId, profileDir } = await launchWithExtension(undefined, { headless });
  await serveCrmFixtures(context);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Backend URL').fill(server.url);
  await options.getByLabel('API token').fill(token);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByText('Settings saved.').waitFor();
  await options.getByRole('button', { name: 'Sync now' }).click();
  await options.getByText(/Synced \d+ accounts/).waitFor({ timeout: 60_000 });

  const page = await context.newPage();
  await page.goto(crmUrls.salesforceAccount(SHOWCASE.accounts.acme.salesforceId));
  await page.locator('goal-lens-panel').getByRole('heading', { name: SHOWCASE.accounts.acme.name }).waitFor();

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
    'Chromium is open on a demo Salesforce account. Try the other accounts in the app bar, HubSpot, or Dynamics 365',
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
