import { type BrowserContext, expect, type Page } from '@playwright/test';

export function optionsUrl(extensionId: string): string {
  return `chrome-extension://${extensionId}/options.html`;
}

/** Connects the extension through its options page, as a user would, and waits for the first sync. */
export async function connectAndSync(
  context: BrowserContext,
  extensionId: string,
  backendUrl: string,
  token: string,
): Promise<Page> {
  const options = await context.newPage();
  await options.goto(optionsUrl(extensionId));
  await options.getByLabel('Backend URL').fill(backendUrl);
  await options.getByLabel('API token').fill(token);
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('notice')).toHaveText('Settings saved.');
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect(options.getByTestId('notice')).toContainText(/Synced \d+ accounts/);
  return options;
}
