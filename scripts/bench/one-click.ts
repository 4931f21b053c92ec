import type { Page } from '@playwright/test';
import type { KeyResult } from '../../lib/schemas/index.ts';
import { SHOWCASE } from '../../server/index.ts';
import { crmUrls } from '../../test/fixtures/crm/routes.ts';
import { type Figure, fromSamples, unavailable } from './figures.ts';
import { armOneClick, dismissToasts, oneClickResult } from './in-page.ts';
import { waitForPanelHeading } from './panel-wait.ts';
import { summarize } from './stats.ts';

const RUNS = 30;
const WARMUP = 2;
/** Lets the previous click's delivery and the panel's refresh finish, so clicks do not overlap. */
const PAUSE_MS = 500;
const METHOD =
  "On Acme's Salesforce page, the quick-log button of a key result linked to Acme is clicked with " +
  "Playwright's mouse (the panel acts only on the user's own, trusted clicks); in the page, from the click " +
  "event's timestamp to the MutationObserver callback in which the key " +
  "result's row first shows something new (its value); details.toNextFrame to the frame that paints it.";
const DURABLE_METHOD =
  'Same clicks, until the toast state leaves "Saving…". The panel sets it only when the background ' +
  "answered outcome/log, which it does after the outbox row's IndexedDB transaction committed: an upper " +
  'bound on "durable", which also holds the reply message and a React render.';

/** The button's accessible name, as KeyResultRow renders it. */
function logButtonLabel(kr: KeyResult): string {
  return `Log “${kr.quickLog?.label ?? '+1'}” on ${kr.title}`;
}

export async function measureOneClick(page: Page, keyResults: readonly KeyResult[]): Promise<Figure[]> {
  const { acme } = SHOWCASE.accounts;
  const kr = keyResults.find((k) => k.quickLog && k.scope.accountIds?.includes(acme.id));
  if (!kr) throw new Error('no key result linked to Acme with a quick-log button');
  await page.goto(crmUrls.salesforceAccount(acme.salesforceId));
  await waitForPanelHeading(page, acme.name, 0);
  const shown: number[] = [];
  const frames: number[] = [];
  const durable: number[] = [];
  const states = new Set<string>();
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const buttonLabel = logButtonLabel(kr);
    const refused = await page.evaluate(armOneClick, { buttonLabel, timeoutMs: 10_000 });
    if (refused === null) {
      await page.locator('goal-lens-panel').getByRole('button', { name: buttonLabel, exact: true }).click();
    }
    const timing = refused ?? (await page.evaluate(oneClickResult));
    if (typeof timing === 'string') {
      return [
        unavailable('oneClickRender', timing, METHOD),
        unavailable('oneClickDurable', timing, DURABLE_METHOD),
      ];
    }
    await page.waitForTimeout(PAUSE_MS);
    await page.evaluate(dismissToasts);
    if (run < WARMUP) continue;
    shown.push(timing.shownMs);
    frames.push(timing.shownFrameMs);
    durable.push(timing.durableMs);
    states.add(timing.state);
  }
  return [
    fromSamples('oneClickRender', shown, METHOD, { keyResult: kr.title, toNextFrame: summarize(frames) }),
    fromSamples('oneClickDurable', durable, DURABLE_METHOD, { toastStatesSeen: [...states] }),
  ];
}
