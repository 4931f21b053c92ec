import { randomUUID } from 'node:crypto';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { formatDate, formatMetricValue } from '../../lib/format/values.ts';
import { createToken, SHOWCASE } from '../../server/index.ts';
import { crmUrls } from '../fixtures/crm/routes.ts';
import { panel } from './panel-region.ts';
import { closeSession, connectSession, type ExtensionSession, openSession } from './session.ts';

const { acme, globex } = SHOWCASE.accounts;
const EXPANSION = 'Acme expansion ARR signed';
const QBRS = 'QBRs held with Tier 1 accounts';
/** Within a second on loopback (SPEC §7); the margin is for a shared, busy test machine. */
const LIVE_TIMEOUT = 5_000;

let session: ExtensionSession;
/** User B: a teammate (here the lead) writing through the API while user A (the CSM) looks on. */
let teammate: string;
let admin: string;

test.beforeEach(async () => {
  session = await openSession(SHOWCASE.users.csm.email);
  teammate = await createToken(session.backend.server.db, SHOWCASE.users.lead.email);
  admin = await createToken(session.backend.server.db, 'sam.okafor@example.com');
});
test.afterEach(() => closeSession(session));

async function api(token: string, method: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${session.backend.server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function row<T>(sql: string, params: unknown[]): Promise<T> {
  const [found] = await session.backend.server.db.query<T>(sql, params);
  if (!found) throw new Error(`nothing for ${sql}`);
  return found;
}

/** User B logs an outcome on `title` for Acme through the API, as their own browser would. */
async function teammateLogs(title: string, delta: number): Promise<void> {
  const { id } = await row<{ id: string }>(`SELECT id FROM key_results WHERE data->>'title' = $1`, [title]);
  const outcome = {
    id: randomUUID(),
    keyResultId: id,
    accountId: acme.id,
    delta,
    loggedBy: SHOWCASE.users.lead.id,
    occurredAt: new Date().toISOString(),
  };
  await api(teammate, 'POST', '/v1/outcomes', { outcomes: [outcome] });
}

function keyResult(page: Page, title: string): Locator {
  return panel(page).getByTestId('key-result').filter({ hasText: title });
}

async function openAcme(): Promise<Page> {
  await connectSession(session);
  const page = await session.context.newPage();
  await page.goto(crmUrls.salesforceAccount(acme.salesforceId));
  await expect(keyResult(page, EXPANSION)).toContainText('$45K');
  return page;
}

test("a teammate's outcome shows in the open panel with no action", async () => {
  const page = await openAcme();
  await teammateLogs(EXPANSION, 10_000);
  const expansion = keyResult(page, EXPANSION);
  await expect(expansion).toContainText('$55K', { timeout: LIVE_TIMEOUT });
  // Marked as new for a moment, said to screen readers, and signed with who did it and when.
  await expect(expansion.locator('[data-new]')).toContainText('$55K');
  await expect(panel(page).getByTestId('live-announcement')).toHaveText(`Updated: ${EXPANSION}.`);
  await expect(expansion.getByTestId('last-check-in')).toHaveText('Dana logged +$10K · just now');
  await expect(expansion.locator('[data-new]')).toHaveCount(0);
});

test('a metric a pipeline updates shows in the open panel with no action', async () => {
  const page = await openAcme();
  const metric = await row<{ data: { key: string; value: number } }>(
    `SELECT data FROM metrics WHERE account_id = $1 ORDER BY key LIMIT 1`,
    [acme.id],
  );
  const definition = await row<{ data: { label: string; unit: string } }>(
    `SELECT data FROM metric_definitions WHERE id = $1`,
    [metric.data.key],
  );
  const value = metric.data.value + 7;
  const shown = panel(page).locator('.gl-metric').filter({ hasText: definition.data.label });
  await expect(shown).not.toContainText(formatMetricValue(definition.data.unit, value));
  await api(admin, 'PUT', '/v1/admin/metrics', {
    items: [{ accountId: acme.id, key: metric.data.key, value, asOf: new Date().toISOString() }],
  });
  await expect(shown).toContainText(formatMetricValue(definition.data.unit, value), {
    timeout: LIVE_TIMEOUT,
  });
  await expect(shown.getByTestId('metric-as-of')).toHaveText(`as of ${formatDate(new Date().toISOString())}`);
});

test('a tier change by an admin shows in the open panel with no action', async () => {
  const page = await openAcme();
  const { data } = await row<{ data: Record<string, unknown> }>(`SELECT data FROM accounts WHERE id = $1`, [
    acme.id,
  ]);
  const { name } = await row<{ name: string }>(`SELECT data->>'name' AS name FROM tiers WHERE id = $1`, [
    globex.tierId,
  ]);
  await expect(panel(page).locator('.gl-tier')).not.toContainText(name);
  const { source: _source, updatedBy: _by, updatedAt: _at, ...account } = data;
  await api(admin, 'PUT', '/v1/admin/accounts', { items: [{ ...account, tierId: globex.tierId }] });
  await expect(panel(page).locator('.gl-tier')).toContainText(name, { timeout: LIVE_TIMEOUT });
});

/**
 * In the page: from now on, notes the text (title included) of every key result row that carries the
 * "new" mark at any moment, however briefly, into window.__glMarked.
 */
function recordNewMarks(): void {
  const root = document.querySelector('goal-lens-panel')?.shadowRoot;
  if (!root) throw new Error('no panel');
  const marked = new Set<string>();
  (window as unknown as { __glMarked: Set<string> }).__glMarked = marked;
  const check = () => {
    for (const row of root.querySelectorAll('[data-testid="key-result"]')) {
      if (row.querySelector('[data-new]') && row.textContent) marked.add(row.textContent);
    }
  };
  new MutationObserver(check).observe(root, { subtree: true, childList: true, attributes: true });
}

const markedTitles = (page: Page) =>
  page.evaluate(() => [...(window as unknown as { __glMarked: Set<string> }).__glMarked]);

test("the user's own click and its undo are not marked as new, also when the feed brings them back", async () => {
  const page = await openAcme();
  await page.evaluate(recordNewMarks);
  const expansion = keyResult(page, EXPANSION);
  await expansion.getByRole('button', { name: `Log “+$10k signed” on ${EXPANSION}` }).click();
  await expect(expansion).toContainText('$55K');
  const toast = panel(page).getByTestId('outcome-toast');
  await expect(toast.getByTestId('outcome-state')).toHaveText('Sent.');
  // The teammate's outcome comes after the click's in the feed: once it shows, so has the click's.
  await teammateLogs(QBRS, 1);
  await expect(keyResult(page, QBRS).locator('[data-new]')).toHaveCount(1, { timeout: LIVE_TIMEOUT });
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(toast.getByTestId('outcome-state')).toHaveText('Undone.');
  await expect(expansion).toContainText('$45K');
  await expect(keyResult(page, QBRS).locator('[data-new]')).toHaveCount(0);
  await teammateLogs(QBRS, 1);
  await expect(keyResult(page, QBRS).locator('[data-new]')).toHaveCount(1, { timeout: LIVE_TIMEOUT });
  const marked = await markedTitles(page);
  expect(marked.some((title) => title.includes(QBRS))).toBe(true);
  expect(marked.filter((title) => title.includes(EXPANSION))).toEqual([]);
});

test('coming back to an account after a change shows the change', async () => {
  const page = await openAcme();
  await page.getByRole('navigation', { name: 'Global' }).getByRole('link', { name: globex.name }).click();
  await expect(panel(page).getByRole('heading', { name: globex.name })).toBeVisible();
  await teammateLogs(EXPANSION, 10_000);
  await page.goBack();
  await expect(panel(page).getByRole('heading', { name: acme.name })).toBeVisible();
  await expect(keyResult(page, EXPANSION)).toContainText('$55K', { timeout: LIVE_TIMEOUT });
});
