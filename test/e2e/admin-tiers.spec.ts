import { expect, type Page, test } from '@playwright/test';
import { healthScore, scoreMetrics } from '../../lib/health/health-score.ts';
import { firstMatchingTier } from '../../lib/tiers/expected-tier.ts';
import { rankTiers } from '../../lib/tiers/misalignment.ts';
import { demoSnapshot, SHOWCASE } from '../../server/index.ts';
import { crmUrls } from '../fixtures/crm/routes.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { panel } from './panel-region.ts';
import { closeSession, connectSession, type ExtensionSession, openSession } from './session.ts';

const ADMIN = 'sam.okafor@example.com';
const NEW_TIER_1_ARR = 500_000;
let session: ExtensionSession | undefined;

// Each test starts the demo backend and a browser, and the workspace reads the whole org.
test.setTimeout(240_000);
test.afterEach(async () => {
  if (session) await closeSession(session);
  session = undefined;
});

async function start(email: string): Promise<ExtensionSession> {
  session = await openSession(email);
  await connectSession(session);
  return session;
}

async function workspace(route: string): Promise<Page> {
  if (!session) throw new Error('no session');
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/admin.html#/${route}`);
  return page;
}

/** How many demo accounts Tier 1 would hold with the new threshold, by the domain's own functions. */
function expectedTier1Count(): number {
  const demo = demoSnapshot();
  const definitions = new Map(demo.metricDefinitions.map((d) => [d.key, d]));
  const tiers = rankTiers(
    demo.tiers.map((tier) =>
      tier.id === 'tier-1'
        ? { ...tier, criteria: { all: [{ field: 'arr', op: '>=' as const, value: NEW_TIER_1_ARR }] } }
        : tier,
    ),
  );
  return demo.accounts.filter((account) => {
    const metrics = demo.metrics.filter((m) => m.accountId === account.id);
    const health = healthScore(scoreMetrics(metrics, definitions)).score;
    return firstMatchingTier(tiers, { attributes: account.attributes, health })?.id === 'tier-1';
  }).length;
}

test('an admin raises Tier 1’s ARR threshold, previews, saves, and Acme’s panel shows it over-served', async () => {
  await start(ADMIN);
  const page = await workspace('tiers');
  const nav = page.getByRole('navigation', { name: 'Admin workspace' });
  for (const name of ['Tiers', 'Objectives', 'Metrics', 'People', 'Imports', 'Audit log']) {
    await expect(nav.getByRole('link', { name })).toBeVisible();
  }
  await page.getByRole('button', { name: '1. Tier 1 Strategic' }).click();
  const criteria = page.getByRole('group', { name: 'Criteria: all of' });
  await expect(criteria.getByLabel('Field')).toHaveValue('arr');
  await criteria.getByLabel('Value').fill(String(NEW_TIER_1_ARR));

  await page.getByRole('button', { name: 'Preview' }).click();
  const counts = page.getByRole('table', { name: 'Accounts per expected tier' });
  const tier1 = counts.getByRole('row', { name: /Tier 1 Strategic/ });
  await expect(tier1.getByRole('cell').nth(1)).toHaveText(String(expectedTier1Count()));
  const appear = page.getByRole('region', { name: 'Misalignments that appear' });
  const acmeRow = appear.getByRole('row', { name: new RegExp(SHOWCASE.accounts.acme.name) });
  await expect(acmeRow).toContainText('Tier rules');
  const reason = 'assigned Tier 1 Strategic';
  await expect(acmeRow).toContainText(reason);
  await expectNoSeriousViolations(page);
  // The README's picture of the tier preview.
  await page.getByRole('heading', { name: 'Preview' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/admin-tiers.png' });

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved Tier 1 Strategic.')).toBeVisible();

  const crm = await (session as ExtensionSession).context.newPage();
  await crm.goto(crmUrls.salesforceAccount(SHOWCASE.accounts.acme.salesforceId));
  const flags = panel(crm).getByRole('list', { name: 'Tier misalignment' });
  await expect(flags.getByRole('button', { name: 'Over-served: expected Tier 2 Growth' })).toBeVisible({
    timeout: 20_000,
  });
});

test('the second admin to save a tier is told it changed since they opened it; nothing typed is lost', async () => {
  await start(ADMIN);
  const first = await workspace('tiers');
  const second = await workspace('tiers');
  for (const page of [first, second]) await page.getByRole('button', { name: '2. Tier 2 Growth' }).click();
  await first.getByLabel('Description').fill('Pooled CSMs.');
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(first.getByText('Saved Tier 2 Growth.')).toBeVisible();
  await second.getByLabel('Description').fill('Named CSMs.');
  await second.getByRole('button', { name: 'Save' }).click();
  await expect(second.getByRole('alert')).toContainText('changed since you opened it');
  await expect(second.getByLabel('Description')).toHaveValue('Named CSMs.');

  // A field the schema refuses says what is wrong beside it.
  await second.getByLabel('Rank (1 = highest touch)').fill('0');
  await second.getByRole('button', { name: 'Preview' }).click();
  await expect(second.getByLabel('Rank (1 = highest touch)')).toHaveAttribute('aria-invalid', 'true');
  await expect(second.locator('#tier-rank-error')).toContainText(/>=\s*1/);
});

test('someone who is not an admin is told the workspace is for admins', async () => {
  await start(SHOWCASE.users.csm.email);
  const page = await workspace('tiers');
  await expect(page.getByRole('alert')).toContainText('The admin workspace is for admins');
  await expect(page.getByRole('navigation', { name: 'Admin workspace' })).toHaveCount(0);
  await expectNoSeriousViolations(page);
});
