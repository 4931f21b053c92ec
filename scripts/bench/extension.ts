import type { BrowserContext, Page, Worker } from '@playwright/test';
import { type ExtensionBrowser, launchWithExtension } from '../../test/e2e/browser.ts';
import { serveCrmFixtures } from '../../test/fixtures/crm/routes.ts';
import { KEEP_NAMES_SHIM } from './in-page.ts';

export interface BenchBrowser extends ExtensionBrowser {
  chromiumVersion: string;
}

/** Chromium with the built extension, serving the fixture CRM pages at their real URLs. */
export async function launchBenchBrowser(): Promise<BenchBrowser> {
  const browser = await launchWithExtension();
  await serveCrmFixtures(browser.context);
  await browser.context.addInitScript({ content: KEEP_NAMES_SHIM });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const cdp = await browser.context.newCDPSession(page);
  const { product } = await cdp.send('Browser.getVersion');
  await cdp.detach();
  return { ...browser, chromiumVersion: product };
}

/**
 * The options page with the backend URL and token saved, as a user does it. The page fills its
 * fields from the background when it loads, which can land after our typing and blank it, so the
 * values are typed again until they stick.
 */
export async function openConnectedOptions(
  browser: ExtensionBrowser,
  backendUrl: string,
  token: string,
): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const url = options.getByLabel('Backend URL');
  const secret = options.getByLabel('API token');
  for (let attempt = 0; ; attempt++) {
    await url.fill(backendUrl);
    await secret.fill(token);
    await options.waitForTimeout(250);
    if ((await url.inputValue()) === backendUrl && (await secret.inputValue()) === token) break;
    if (attempt === 20) throw new Error('the options page kept clearing the backend URL and token');
  }
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByTestId('notice').getByText('Settings saved.').waitFor({ timeout: 10_000 });
  return options;
}

/** Stops the extension's service worker through the DevTools protocol, and confirms it stopped. */
export interface WorkerControl {
  stop(): Promise<void>;
  detach(): Promise<void>;
}

/**
 * `ServiceWorker.stopAllWorkers` from a page's session stops every worker of the profile's storage
 * partition, the extension's included (extensions share the default partition). A stop counts only
 * once a new "stopped" status of the extension's worker arrives after it was asked for.
 */
export async function controlWorker(
  context: BrowserContext,
  page: Page,
  extensionId: string,
): Promise<WorkerControl> {
  const cdp = await context.newCDPSession(page);
  const origin = `chrome-extension://${extensionId}/`;
  let stops = 0;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (version.scriptURL.startsWith(origin) && version.runningStatus === 'stopped') stops++;
    }
  });
  await cdp.send('ServiceWorker.enable');
  return {
    async stop() {
      const before = stops;
      await cdp.send('ServiceWorker.stopAllWorkers');
      const deadline = Date.now() + 5_000;
      while (stops === before) {
        if (Date.now() > deadline) throw new Error('the service worker did not report "stopped" within 5 s');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    detach: () => cdp.detach(),
  };
}

/** The extension's service worker, waiting for it to start if it is not running. */
export async function extensionWorker(context: BrowserContext, extensionId: string): Promise<Worker> {
  const origin = `chrome-extension://${extensionId}/`;
  return (
    context.serviceWorkers().find((w) => w.url().startsWith(origin)) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(origin) }))
  );
}
