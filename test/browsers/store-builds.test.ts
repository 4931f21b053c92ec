import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRM_HOST_PATTERNS } from '../../lib/crm/index.ts';
import { formatLintReport, lintFirefoxBuild } from '../../scripts/browsers/firefox-build-lint.ts';
import { FIREFOX_ADDON_ID } from '../../wxt.config.ts';
import { buildFor, readManifest, type StoreBrowser } from './build.ts';

const ACCESS_KEYS = [
  'permissions',
  'optional_permissions',
  'host_permissions',
  'optional_host_permissions',
] as const;
type Access = Record<(typeof ACCESS_KEYS)[number], string[]>;

const NONE: Access = {
  permissions: [],
  optional_permissions: [],
  host_permissions: [],
  optional_host_permissions: [],
};
// `identity`: "Sign in" runs the authorization-code flow in the browser's own sign-in window.
const EVERYWHERE = ['storage', 'alarms', 'unlimitedStorage', 'scripting', 'identity'];
/**
 * The panel is injected into account pages of exactly the hosts the content script runs on; custom CRM
 * domains are asked for one by one, when the user adds them, and so is the backend, for sign-in in a
 * tab (plain http only on this machine, for a backend in development).
 */
const CRM_HOSTS = {
  host_permissions: [...CRM_HOST_PATTERNS],
  optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
};

/**
 * Everything each store build may ask the user for, and nothing more: a permission that appears in a
 * manifest without a row here fails the test, so every new one is a decision.
 */
const EXPECTED_ACCESS: Record<StoreBrowser, Access> = {
  chrome: { ...NONE, ...CRM_HOSTS, permissions: [...EVERYWHERE, 'sidePanel'] },
  edge: { ...NONE, ...CRM_HOSTS, permissions: [...EVERYWHERE, 'sidePanel'] },
  firefox: { ...NONE, ...CRM_HOSTS, permissions: EVERYWHERE },
};

/** Where each browser runs the background and shows the lead's book view. */
const EXPECTED_SHAPE: Record<StoreBrowser, Record<string, unknown>> = {
  chrome: { background: { service_worker: 'background.js' }, side_panel: { default_path: 'sidepanel.html' } },
  edge: { background: { service_worker: 'background.js' }, side_panel: { default_path: 'sidepanel.html' } },
  firefox: {
    background: { scripts: ['background.js'] },
    sidebar_action: expect.objectContaining({ default_panel: 'sidepanel.html', open_at_install: false }),
  },
};

const BROWSERS = Object.keys(EXPECTED_ACCESS) as StoreBrowser[];
const builds = new Map<StoreBrowser, string>();
let outDir = '';

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'goal-lens-store-builds-'));
  // One after the other: parallel builds would only fight over the same cores.
  for (const browser of BROWSERS) builds.set(browser, await buildFor(browser, outDir));
}, 600_000);

afterAll(() => rm(outDir, { recursive: true, force: true }));

function buildDir(browser: StoreBrowser): string {
  const dir = builds.get(browser);
  if (!dir) throw new Error(`No ${browser} build`);
  return dir;
}

describe.each(BROWSERS)('the %s build', (browser) => {
  it('is Manifest V3 and asks for exactly the expected permissions', async () => {
    const manifest = await readManifest(buildDir(browser));
    expect(manifest.manifest_version).toBe(3);
    for (const key of ACCESS_KEYS) {
      const asked = (manifest[key] as string[] | undefined) ?? [];
      expect({ [key]: [...asked].sort() }).toEqual({ [key]: [...EXPECTED_ACCESS[browser][key]].sort() });
    }
  });

  it('runs its content script on the supported CRMs only', async () => {
    const manifest = await readManifest(buildDir(browser));
    const scripts = manifest.content_scripts as { matches: string[] }[];
    expect(scripts.flatMap((s) => s.matches).sort()).toEqual([...CRM_HOST_PATTERNS].sort());
  });

  it("has this browser's background and home for the book view", async () => {
    expect(await readManifest(buildDir(browser))).toMatchObject(EXPECTED_SHAPE[browser]);
  });

  it('has the icons every store asks for, each a PNG in the build', async () => {
    const manifest = await readManifest(buildDir(browser));
    const icons = manifest.icons as Record<string, string>;
    expect(Object.keys(icons).sort()).toEqual(['128', '16', '32', '48']);
    for (const file of Object.values(icons)) {
      const bytes = await readFile(join(buildDir(browser), file));
      expect(bytes.subarray(1, 4).toString(), file).toBe('PNG');
    }
  });

  it.runIf(browser !== 'firefox')('carries no Firefox-only settings', async () => {
    expect(await readManifest(buildDir(browser))).not.toHaveProperty('browser_specific_settings');
  });
});

describe('the Firefox build', () => {
  it('has the add-on id that policies use, and declares what data leaves the device', async () => {
    expect(await readManifest(buildDir('firefox'))).toMatchObject({
      browser_specific_settings: {
        gecko: {
          id: FIREFOX_ADDON_ID,
          strict_min_version: expect.any(String),
          data_collection_permissions: { required: expect.any(Array) },
        },
      },
    });
  });

  it('passes web-ext lint, the check AMO runs on upload, without errors', async () => {
    const report = await lintFirefoxBuild(buildDir('firefox'));
    // Warnings (React's innerHTML paths, zod's eval probe) are reported here, not failed on.
    console.info(`web-ext lint of the Firefox build:\n${formatLintReport(report)}`);
    expect(report.errors).toEqual([]);
  }, 300_000);
});
