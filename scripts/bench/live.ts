import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import { formatKeyResultValue } from '../../lib/format/values.ts';
import type { KeyResult } from '../../lib/schemas/index.ts';
import { createToken, type RunningServer, SHOWCASE } from '../../server/index.ts';
import { crmUrls } from '../../test/fixtures/crm/routes.ts';
import { type Figure, fromSamples, single } from './figures.ts';
import { recordPanelHeadings } from './in-page.ts';
import { waitForPanelHeading } from './panel-wait.ts';
import { summarize } from './stats.ts';

/** Outcome runs; metric and tier runs are fewer, each kind is summarised on its own too. */
const RUNS = { outcome: 15, metric: 8, tier: 8 } as const;
/** Longer than the panel's "new" mark (3 s), so each run's mark is its own. */
const PAUSE_MS = 3_500;
const IDLE_MS = 60_000;
const CHANGE_METHOD =
  "Acme's Salesforce page is open; a teammate changes something it shows through the API: an outcome on " +
  "a key result linked to Acme (another user's token), a metric of Acme and its tier (an admin's token). " +
  "From just before the request (Date.now() in Node) to the moment (the page's performance.timeOrigin + " +
  "performance.now()) a MutationObserver sees the changed value marked as new in the panel's shadow DOM. " +
  'Same machine, loopback: poke over the live channel, delta sync, CACHE_CHANGED, render. The figure is ' +
  'over every run; details give each kind its own summary.';
const REVISIT_METHOD =
  'The panel shows another account; a teammate posts an outcome on Acme; an in-app link back to Acme is ' +
  "clicked. From the click to the key result's row showing the new value.";
const IDLE_METHOD =
  "Requests the extension's service worker made (its resource-timing entries, emptied first) while one " +
  'panel stayed open and nothing changed, over 60 s, scaled to an hour. The live channel itself is one ' +
  'WebSocket, not counted; nor is the scheduled sync (every 15 minutes by default), which is not the ' +
  "panel's cost and did not fall in the window.";

/**
 * In the page: resolves with the epoch ms at which an element matching `selector` whose text includes
 * `text` first is or holds the "new" mark.
 */
function waitForNewMark({
  selector,
  text,
  timeoutMs,
}: {
  selector: string;
  text: string;
  timeoutMs: number;
}): Promise<number | string> {
  const root = document.querySelector('goal-lens-panel')?.shadowRoot;
  if (!root) return Promise.resolve('no panel');
  const marked = () =>
    [...root.querySelectorAll(selector)].some(
      (element) =>
        element.textContent?.includes(text) &&
        (element.hasAttribute('data-new') || element.querySelector('[data-new]') !== null),
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
      resolve(`no new mark on ${selector} "${text}" within ${timeoutMs} ms`);
    }, timeoutMs);
  });
}

async function send(server: RunningServer, token: string, method: string, path: string, body: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`the teammate's ${method} ${path} got ${response.status}`);
}

async function logAsTeammate(server: RunningServer, token: string, kr: KeyResult): Promise<void> {
  await send(server, token, 'POST', '/v1/outcomes', {
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
  });
}

async function one<T>(server: RunningServer, sql: string, params: unknown[]): Promise<T> {
  const [row] = await server.db.query<T>(sql, params);
  if (!row) throw new Error(`nothing for ${sql}`);
  return row;
}

/** A teammate's change of one kind, and the element of the panel that shows it marked as new. */
interface Change {
  kind: keyof typeof RUNS;
  mark: { selector: string; text: string };
  make(run: number): Promise<void>;
}

async function changesOf(server: RunningServer, kr: KeyResult): Promise<Change[]> {
  const { acme, globex } = SHOWCASE.accounts;
  const teammate = await createToken(server.db, SHOWCASE.users.csm.email);
  const admin = await createToken(server.db, 'sam.okafor@example.com');
  const metric = await one<{ key: string; value: number; label: string }>(
    server,
    `SELECT m.data->>'key' AS key, (m.data->>'value')::float AS value, d.data->>'label' AS label
     FROM metrics m JOIN metric_definitions d ON d.id = m.data->>'key'
     WHERE m.account_id = $1 ORDER BY m.data->>'key' LIMIT 1`,
    [acme.id],
  );
  const { data } = await one<{ data: Record<string, unknown> }>(
    server,
    'SELECT data FROM accounts WHERE id = $1',
    [acme.id],
  );
  const { source: _source, updatedBy: _by, updatedAt: _at, ...account } = data;
  return [
    {
      kind: 'outcome',
      mark: { selector: '[data-testid="key-result"]', text: kr.title },
      make: () => logAsTeammate(server, teammate, kr),
    },
    {
      kind: 'metric',
      mark: { selector: '.gl-metric', text: metric.label },
      make: (run) =>
        send(server, admin, 'PUT', '/v1/admin/metrics', {
          items: [
            {
              accountId: acme.id,
              key: metric.key,
              value: metric.value + run + 1,
              asOf: new Date().toISOString(),
            },
          ],
        }),
    },
    {
      kind: 'tier',
      mark: { selector: '.gl-tier', text: '' },
      make: (run) =>
        send(server, admin, 'PUT', '/v1/admin/accounts', {
          items: [{ ...account, tierId: run % 2 === 0 ? globex.tierId : acme.tierId }],
        }),
    },
  ];
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
  const kinds = await changesOf(server, kr);
  const page: Page = await context.newPage();
  // waitForPanelHeading reads what this recorder logs; a page without it never sees a heading.
  await page.addInitScript(recordPanelHeadings);
  await page.goto(crmUrls.salesforceAccount(acme.salesforceId));
  await waitForPanelHeading(page, acme.name, 0);
  // Lets the live channel open and its first catch-up sync settle.
  await page.waitForTimeout(2_000);

  const byKind: Record<string, number[]> = {};
  for (const change of kinds) {
    const samples: number[] = [];
    for (let run = 0; run < RUNS[change.kind]; run++) {
      const seen = page.evaluate(waitForNewMark, { ...change.mark, timeoutMs: 10_000 });
      await page.waitForTimeout(50);
      const before = Date.now();
      await change.make(run);
      const at = await seen;
      if (typeof at === 'string') throw new Error(at);
      samples.push(at - before);
      await page.waitForTimeout(PAUSE_MS);
    }
    byKind[change.kind] = samples;
  }
  const change = Object.values(byKind).flat();

  const revisit: number[] = [];
  const nav = page.getByRole('navigation', { name: 'Global' });
  for (let run = 0; run < 5; run++) {
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
    fromSamples('liveChange', change, CHANGE_METHOD, {
      keyResult: kr.title,
      ...Object.fromEntries(Object.entries(byKind).map(([kind, samples]) => [kind, summarize(samples)])),
    }),
    fromSamples('liveRevisit', revisit, REVISIT_METHOD),
    single('liveIdleRequestsPerHour', Math.round((idle * 3_600_000) / IDLE_MS), IDLE_METHOD, {
      requestsInWindow: idle,
      windowMs: IDLE_MS,
    }),
  ];
}
