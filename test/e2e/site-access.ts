import type { BrowserContext, Page } from '@playwright/test';

/** The few browser APIs these helpers call inside the browser, typed for the callbacks below. */
interface Chrome {
  developerPrivate: Record<HostChange, (id: string, host: string, done: () => void) => void>;
  runtime: { lastError?: { message?: string } };
  permissions: { contains(request: { origins: string[] }): Promise<boolean> };
  scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> };
}

type HostChange = 'addHostPermission' | 'removeHostPermission';

/**
 * Grants or revokes a host permission the way the browser's own extensions page does (its Site access
 * controls call these). Headless Chromium cannot answer the extension's permission prompt, so a test
 * stands in for the user here: granted beforehand, the extension's own `permissions.request` then
 * resolves at once without a prompt, exactly as it does for a user who already allowed the site.
 */
async function changeHostPermission(
  context: BrowserContext,
  extensionId: string,
  pattern: string,
  change: HostChange,
): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://extensions/');
    const error = await page.evaluate(
      ([id, host, method]) =>
        new Promise<string | null>((resolve) => {
          const { chrome } = globalThis as unknown as { chrome: Chrome };
          chrome.developerPrivate[method](id, host, () => resolve(chrome.runtime.lastError?.message ?? null));
        }),
      [extensionId, pattern, change] as const,
    );
    if (error) throw new Error(`${change} ${pattern}: ${error}`);
  } finally {
    await page.close();
  }
}

export const grantHostPermission = (context: BrowserContext, extensionId: string, pattern: string) =>
  changeHostPermission(context, extensionId, pattern, 'addHostPermission');

export const revokeHostPermission = (context: BrowserContext, extensionId: string, pattern: string) =>
  changeHostPermission(context, extensionId, pattern, 'removeHostPermission');

/** Whether the extension holds the host permission, asked from one of its pages. */
export function hasHostPermission(extensionPage: Page, pattern: string): Promise<boolean> {
  return extensionPage.evaluate(
    (origin) =>
      (globalThis as unknown as { chrome: Chrome }).chrome.permissions.contains({ origins: [origin] }),
    pattern,
  );
}

/** The match patterns of the content scripts the extension registered at runtime. */
export async function registeredMatches(context: BrowserContext): Promise<string[]> {
  const [worker] = context.serviceWorkers();
  if (!worker) throw new Error('The extension has no service worker running.');
  return worker.evaluate(async () => {
    const scripts = await (
      globalThis as unknown as { chrome: Chrome }
    ).chrome.scripting.getRegisteredContentScripts();
    return scripts.flatMap((script) => script.matches ?? []);
  });
}
