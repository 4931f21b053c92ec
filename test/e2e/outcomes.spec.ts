import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, expect, type Locator, type Page, test } from '@playwright/test';
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

/** An outcome row as an earlier version queued it, written into the extension's own outbox. */
async function queueAsEarlierVersion(context: BrowserContext, outcome: Record<string, unknown>) {
  const [worker] = context.serviceWorkers();
  if (!worker) throw new Error('the extension has no service worker');
  await worker.evaluate(
    (row) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('goal-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('outbox', 'readwrite');
          tx.objectStore('outbox').add(row);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    {
      id: outcome.id,
      outcome,
      status: 'pending',
      applied: false,
      undo: false,
      attempts: 0,
      createdAt: new Date().toISOString(),
    },
  );
}

test('a note the backend cannot store is refused with its reason, and the outcomes after it reach the backend', async () => {
  const server = await startServer({ port: 0, storage: { kind: 'memory' }, seed: 'demo' });
  const browser = await launchWithExtension();
  try {
    await serveCrmFixtures(browser.context);
    const token = await createToken(server.db, SHOWCASE.users.csm.email);
    await connectAndSync(browser.context, browser.extensionId, server.url, token);
    const page = await browser.context.newPage();
    await page.goto(crmUrls.salesforceAccount(acme.salesforceId));
    const qbrs = keyResult(page, QBRS);
    const startQbrs = await currentOf(server, QBRS);

    // Typed by the user: refused on the spot, with the reason; the outcome itself stays logged.
    await keyResult(page, EXPANSION).getByRole('button', { name: /Log/ }).click();
    const toast = panel(page).getByTestId('outcome-toast');
    await expect(toast.getByTestId('outcome-state')).toHaveText('Sent.');
    await toast.getByRole('button', { name: 'Add note' }).click();
    await toast.getByLabel('Note').fill('call went well \u0000 next');
    await toast.getByRole('button', { name: 'Save note' }).click();
    await expect(toast).toContainText('note: contains a NUL character');

    // Queued before notes were checked (an earlier version): rejected with its reason, never blocking.
    const [kr] = await server.db.query<{ id: string }>(
      `SELECT id FROM key_results WHERE data->>'title' = $1`,
      [QBRS],
    );
    await queueAsEarlierVersion(browser.context, {
      id: crypto.randomUUID(),
      keyResultId: kr?.id,
      accountId: acme.id,
      delta: 1,
      note: 'half an emoji \ud83d',
      loggedBy: SHOWCASE.users.csm.id,
      occurredAt: new Date().toISOString(),
    });
    for (let i = 0; i < 3; i++) await qbrs.getByRole('button', { name: /Log/ }).click();

    await expect.poll(async () => (await outcomesOf(server, acme.id)).length).toBe(4);
    await expect.poll(() => currentOf(server, QBRS)).toBe(startQbrs + 3);
    expect((await outcomesOf(server, acme.id)).filter((o) => o.undone)).toEqual([]);
    await expect(qbrs.getByRole('alert')).toContainText(
      'An outcome was rejected and rolled back: the backend would refuse it: note: contains half of a surrogate pair',
    );
  } finally {
    await browser.context.close();
    await server.close();
    await removeProfile(browser.profileDir);
  }
});

test('clicks scripted by the CRM page log, undo and note nothing', async () => {
  const server = await startServer({ port: 0, storage: { kind: 'memory' }, seed: 'demo' });
  const browser = await launchWithExtension();
  try {
    await serveCrmFixtures(browser.context);
    const token = await createToken(server.db, SHOWCASE.users.csm.email);
    await connectAndSync(browser.context, browser.extensionId, server.url, token);
    const page = await browser.context.newPage();
    await page.goto(crmUrls.salesforceAccount(acme.salesforceId));
    const expansion = keyResult(page, EXPANSION);
    await expansion.getByRole('button', { name: /Log/ }).click();
    const toast = panel(page).getByTestId('outcome-toast');
    await expect(toast.getByTestId('outcome-state')).toHaveText('Sent.');
    await toast.getByRole('button', { name: 'Add note' }).click();

    // The page's own script, in its own world, reaching into the panel's open shadow root.
    const pressed = await page.evaluate(() => {
      const root = document.querySelector('goal-lens-panel')?.shadowRoot;
      if (!root) return [];
      const note = root.querySelector('input');
      if (note) {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(note, 'planted');
        note.dispatchEvent(new Event('input', { bubbles: true }));
        note.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        note.form?.requestSubmit();
      }
      const buttons = [...root.querySelectorAll('button')];
      for (const button of buttons) {
        button.click();
        button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      }
      return buttons.map((button) => button.textContent);
    });
    expect(pressed).toEqual(expect.arrayContaining(['Save note', expect.stringContaining('QBR held')]));

    await page.waitForTimeout(2_000);
    const outcomes = await outcomesOf(server, acme.id);
    expect(outcomes.map((o) => o.undone)).toEqual([false]);
    const [noted] = await server.db.query<{ note: string | null }>(
      `SELECT data->>'note' AS note FROM outcomes WHERE account_id = $1`,
      [acme.id],
    );
    expect(noted?.note).toBeNull();
    await expect(panel(page).getByTestId('outcome-toast')).toHaveCount(1);
  } finally {
    await browser.context.close();
    await server.close();
    await removeProfile(browser.profileDir);
  }
});
