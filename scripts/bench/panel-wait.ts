import type { Page } from '@playwright/test';
import { type HeadingEntry, panelHeadingSince } from './in-page.ts';

/** Waits until the panel's headings include `name` (logged at or after `since`) and returns that entry. */
export async function waitForPanelHeading(page: Page, name: string, since: number): Promise<HeadingEntry> {
  const handle = await page.waitForFunction(
    panelHeadingSince,
    { name, since },
    { timeout: 15_000, polling: 50 },
  );
  const entry = (await handle.jsonValue()) as HeadingEntry | null;
  if (!entry || entry.frameAt === null) throw new Error(`the panel never showed ${name}`);
  return entry;
}
