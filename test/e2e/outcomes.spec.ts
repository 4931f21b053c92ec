import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { createToken, type RunningServer, SHOWCASE, startServer } from '../../server/index.ts';
import { crmUrls, serveCrmFixtures } from '../fixtures/crm/routes.ts';
import { launchWithExtension, removeProfile } from './browser.ts';
import { connectAndSync } from './options.ts';
import { panel } from './panel-region.ts';

const { acme } = SHOWCASE.accounts;
const EXPANSION = 'Acme expansion ARR signed';
const QBRS = 'QBRs held with Tier 1 accounts';

function keyResult(page: Page, title: string): Locator {
  return panel(page).getByTestId('key-result').filter({ hasText: title });
}

async function currentOf(server: RunningServer, title: string): Promise<number> {
  const [row] = await server.db.query<{ current: number }>(
    `SELECT (data->>'current')::float AS current FROM key_results WHERE data->>'title' = $1`,
    [title],
  );
  return Number(row?.current);
}

async function outcomesOf(server: RunningServer, accountId: string) {
  return server.db.query<{ id: string; delta: number; undone: boolean }>(
    `SELECT id, (data->>'delta')::float AS delta, undone_at IS NOT NULL AS undone FROM outcomes WHERE account_id = $1`,
    [accountId],
  );
}

test('one click logs an outcome, shows it at once, and undo takes it back on the backend', async () => {
  const server = await startServer({ port: 0, storage: { kind: 'memory' }, seed: 'demo' });
  const browser = await launchWithExtension();
  try {
    await serveCrmFixtures(browser.context);
    const token = await createToken(server.db, SHOWCASE.users.csm.email);
    await connectAndSync(browser.context, browser.extensionId, server.url, token);
    const page = await browser.context.newPage();
    await page.goto(crmUrls.salesforceAccount(acme.salesforceId));

    const expansion = keyResult(page, EXPANSION);
    await expect(expansion).toContainText('$45K');
    await expansion.getByRole('button', { name: `Log “+$10k signed” on ${EXPANSION}` }).click();
    await expect(expansion).toContainText('$55K');
    const toast = panel(page).getByTestId('outcome-toast');
    await expect(toast.getByTestId('outcome-state')).toHaveText('Sent.');
    expect(await currentOf(server, EXPANSION)).toBe(55_000);

    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(toast.getByTestId('outcome-state')).toHaveText('Undone.');
    await expect(expansion).toContainText('$45K');
    await expect.poll(() => currentOf(server, EXPANSION)).toBe(45_000);
    expect((await outcomesOf(server, acme.id)).map((o) => o.undone)).toEqual([true]);

    // The tier-wide key result shows what this account contributed.
    const qbrs = keyResult(page, QBRS);
    await qbrs.getByRole('button', { name: /Log “QBR held”/ }).press('Enter');
    await expect(qbrs.getByTestId('account-contribution')).toHaveText('This account: +1 this period');
  } finally {
    await browser.context.close();
    await server.close();
    await removeProfile(browser.profileDir);
  }
});

test('outcomes logged offline survive a browser restart and are delivered exactly once', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'goal-lens-backend-'));
  let server = await startServer({ port: 0, storage: { kind: 'dir', dir: dataDir }, seed: 'demo' });
  const port = server.port;
  const token = await createToken(server.db, SHOWCASE.users.csm.email);
  let browser = await launchWithExtension();
  try {
    await serveCrmFixtures(browser.context);
    await connectAndSync(browser.context, browser.extensionId, server.url, token);
    const startExpansion = await currentOf(server, EXPANSION);
    const startQbrs = await currentOf(server, QBRS);
    await server.close();

    const page = await browser.context.newPage();
    await page.goto(crmUrls.salesforceAccount(acme.salesforceId));
    await keyResult(page, EXPANSION).getByRole('button', { name: /Log/ }).click();
    await keyResult(page, QBRS).getByRole('button', { name: /Log/ }).click();
    await keyResult(page, QBRS).getByRole('button', { name: /Log/ }).click();
    await expect(keyResult(page, EXPANSION)).toContainText('$55K');
    await expect(panel(page).getByTestId('outcome-state')).toHaveText([/Queued/, /Queued/, /Queued/]);

    await browser.context.close();
    browser = await launchWithExtension(browser.profileDir);
    server = await startServer({ port, storage: { kind: 'dir', dir: dataDir } });

    // Nobody clicks anything: the extension delivers on browser start, retries on its own, and once only.
    await expect.poll(async () => (await outcomesOf(server, acme.id)).length, { timeout: 45_000 }).toBe(3);
    expect(await currentOf(server, EXPANSION)).toBe(startExpansion + 10_000);
    expect(await currentOf(server, QBRS)).toBe(startQbrs + 2);
    const outcomes = await outcomesOf(server, acme.id);
    expect(outcomes.filter((o) => o.undone)).toEqual([]);
  } finally {
    await browser.context.close();
    await server.close();
    await removeProfile(browser.profileDir);
    await rm(dataDir, { recursive: true, force: true });
  }
});
