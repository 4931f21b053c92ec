import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';

export const EXTENSION_DIR = resolve(process.env.GOAL_LENS_OUT_DIR ?? '.output', 'chrome-mv3');

/** Debian's Chromium by default; point GOAL_LENS_CHROMIUM at another build to use that instead. */
export const CHROMIUM_PATH = process.env.GOAL_LENS_CHROMIUM ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
}

/**
 * Launches Chromium with the built extension. The flags keep Chromium from calling home, which a
 * closed network answers slowly, and `--no-sandbox` lets it run as root in CI containers.
 */
export async function launchWithExtension(
  profileDir?: string,
  options: { headless?: boolean } = {},
): Promise<ExtensionBrowser> {
  const dir = profileDir ?? (await mkdtemp(join(tmpdir(), 'goal-lens-profile-')));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    viewport: { width: 1400, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, profileDir: dir };
}

export async function removeProfile(profileDir: string): Promise<void> {
  await rm(profileDir, { recursive: true, force: true });
}
