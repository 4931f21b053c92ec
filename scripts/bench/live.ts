import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import { formatKeyResultValue } from '../../lib/format/values.ts';
import type { KeyResult } from '../../lib/schemas/index.ts';
import { createToken, type RunningServer, SHOWCASE } from '../../server/index.ts';
import { crmUrls } from '../../test/fixtures/crm/routes.ts';
import { type Figure, fromSamples, single } from './figures.ts';
import { recordPanelHeadings } from './in-page.ts';
import { waitForPanelHeading } from './panel-wait.ts';

const RUNS = 15;
/** Longer than the panel's "new" mark (3 s), so each run's mark is its own. */
const PAUSE_MS = 3_500;
const IDLE_MS = 60_000;
const CHANGE_METHOD =
  "Acme's Salesforce page is open; a teammate (another user's token) posts an outcome on a key result " +
  "linked to Acme through the API. From just before the POST (Date.now() in Node) to the moment (the page's " +
  'performance.timeOrigin + performance.now()) a MutationObserver sees the row marked as new in the ' +
  "panel's shadow DOM. Same machine, loopback: poke over the live channel, delta sync, CACHE_CHANGED, render.";
const REVISIT_METHOD =
  'The panel shows another account; a teammate posts an outcome on Acme; an in-app link back to Acme is ' +
  "clicked. From the click to the key result's row showing the new value.";
const IDLE_METHOD =
  "Requests the extension's service worker made (its resource-timing entries) while one panel stayed open " +
  'and nothing changed, over 60 s, scaled to an hour. The live channel itself is one WebSocket, not counted.';

/** In the page: resolves with the epoch ms at which the key result row first carries the "new" mark. */
function waitForNewMark({
  title,
  timeoutMs,
}: {
  title: string;
  timeoutMs: number;
}): Promise<number | string> {
  const root = document.querySelector('goal-lens-panel')?.shadowRoot;
  if (!root) return Promise.resolve('no panel');
  const marked = () =>
    [...root.querySelectorAll('[data-testid="key-result"]')].some(
      (row) => row.textContent?.includes(title) && row.querySelector('[data-new]'),
    );
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!marked()) return;
      observer.disconnect();
      resolve(performance.timeOrigin + performance.now());
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    setTimeout(() => {
      observer.disconnect();
      resolve(`no new mark within ${timeoutMs} ms`);
    }, timeoutMs);
  });
}

async function logAsTeammate(server: RunningServer, token: string, kr: KeyResult): Promise<void> {
  const response = await fetch(`${server.url}/v1/outcomes`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      outcomes: [
        {
          id: randomUUID(),
          keyResultId: kr.id,
          accountId: SHOWCASE.accounts.acme.id,
          delta: kr.quickLog?.delta ?? 1,
          loggedBy: SHOWCASE.users.csm.id,
          occurredAt: new Date().toISOString(),
        },
      ],
    }),
  });
  if (response.status !== 200) throw new Error(`the teammate's outcome got ${response.status}`);
}

async function currentOf(server: RunningServer, id: string): Promise<number> {
  const [row] = await server.db.query<{ current: number }>(
    `SELECT (data->>'current')::float AS current FROM key_results WHERE id = $1`,
    [id],
  );
  return Number(row?.current);
}

/** The three live figures: a teammate's change → open panel, coming back after one, idle cost. */
export async function measureLive(
  context: BrowserContext,
  server: RunningServer,
  keyResults: readonly KeyResult[],
): Promise<Figure[]> {
  const { acme, globex } = SHOWCASE.accounts;
  const kr = keyResults.find((k) => k.scope.accountIds?.includes(acme.id) && k.unit !== 'boolean');
  if (!kr) throw new Error('no key result linked to Acme');
  const teammate = await createToken(server.db, SHOWCASE.users.csm.email);
  const page: Page = await context.newPage();
  // waitForPanelHeading reads what this recorder logs; a page without it never sees a heading.
  await page.addInitScript(recordPanelHeadings);
  await page.goto(crmUrls.salesforceAccount(acme.salesforceId));
  await waitForPanelHeading(page, acme.name, 0);
  // Lets the live channel open and its first catch-up sync settle.
  await page.waitForTimeout(2_000);

  const change: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const seen = page.evaluate(waitForNewMark, { title: kr.title, timeoutMs: 10_000 });
    await page.waitForTimeout(50);
    const before = Date.now();
    await logAsTeammate(server, teammate, kr);
    const at = await seen;
    if (typeof at === 'string') throw new Error(at);
    change.push(at - before);
    await page.waitForTimeout(PAUSE_MS);
  }

  const revisit: number[] = [];
  const nav = page.getByRole('navigation', { name: 'Global' });
  for (let run = 0; run < Math.ceil(RUNS / 3); run++) {
    const leaving = await page.evaluate(() => performance.now());
    await nav.getByRole('link', { name: globex.name }).click();
    await waitForPanelHeading(page, globex.name, leaving);
    await logAsTeammate(server, teammate, kr);
    const expected = formatKeyResultValue(kr.unit, await currentOf(server, kr.id));
    const before = Date.now();
    await nav.getByRole('link', { name: acme.name }).click();
    await page.waitForFunction(
      ({ title, text }) =>
        [
          ...(document
            .querySelector('goal-lens-panel')
            ?.shadowRoot?.querySelectorAll('[data-testid="key-result"]') ?? []),
        ].some((row) => row.textContent?.includes(title) && row.textContent.includes(text)),
      { title: kr.title, text: expected },
      { timeout: 15_000, polling: 16 },
    );
    revisit.push(Date.now() - before);
  }

  const [worker] = context.serviceWorkers();
  if (!worker) throw new Error('the extension has no service worker');
  // Emptied first: a full resource-timing buffer (250 entries by default) would record nothing more.
  await worker.evaluate(() => performance.clearResourceTimings());
  await page.waitForTimeout(IDLE_MS);
  const idle = await worker.evaluate(() => performance.getEntriesByType('resource').length);
  await page.close();
  return [
    fromSamples('liveChange', change, CHANGE_METHOD, { keyResult: kr.title }),
    fromSamples('liveRevisit', revisit, REVISIT_METHOD),
    single('liveIdleRequestsPerHour', Math.round((idle * 3_600_000) / IDLE_MS), IDLE_METHOD, {
      requestsInWindow: idle,
      windowMs: IDLE_MS,
    }),
  ];
}
