import { defineConfig } from 'wxt';
import { CRM_HOST_PATTERNS } from './lib/crm/index.ts';

/**
 * Firefox's add-on id. Policies address the extension by it (managed storage, forced installs), so it
 * must never change once published.
 */
export const FIREFOX_ADDON_ID = 'goal-lens@goal-lens.app';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Explicit imports keep every file readable on its own, and keep server code free of WXT globals.
  imports: false,
  // Lets a second checkout's build and browser tests run beside another's without sharing output.
  outDir: process.env.GOAL_LENS_OUT_DIR ?? '.output',
  hooks: {
    // The polyfill is there so the background can answer messages with a promise. The content script
    // runs on every CRM page and only calls APIs that return promises natively in Chrome and Firefox,
    // so it uses the browser's own `browser`/`chrome` object and stays about 3 KB (gzipped) smaller.
    'vite:build:extendConfig'(entrypoints, config) {
      const alias = config.resolve?.alias;
      if (!entrypoints.some((entry) => entry.type === 'content-script') || !alias) return;
      if (Array.isArray(alias)) {
        config.resolve = { ...config.resolve, alias: alias.filter((a) => a.find !== 'wxt/browser') };
      } else delete (alias as Record<string, string>)['wxt/browser'];
    },
  },
  // One manifest model for every store: Firefox gets MV3 too (host permissions granted at install,
  // the same permission and scripting APIs as Chrome and Edge), so its build is `firefox-mv3/`.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Goal Lens',
    description: 'Tiers, key results and health metrics beside every account in your CRM.',
    // `scripting` injects the panel into account pages only; the hosts are those the content script runs on.
    // `identity` opens the browser's sign-in window (launchWebAuthFlow) for "Sign in".
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'scripting', 'identity'],
    host_permissions: [...CRM_HOST_PATTERNS],
    // Custom CRM domains (vanity Salesforce, on-premises Dynamics) are asked for one by one when added,
    // and so is the backend's origin, for sign-in in a browser tab and invitation links opened in one;
    // plain http only for a backend on this machine, in development.
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: FIREFOX_ADDON_ID,
          // 140 (ESR) is the first Firefox with built-in data-collection consent, which AMO now requires.
          strict_min_version: '140.0',
          // The API token goes to the backend the user configures, with every request.
          data_collection_permissions: { required: ['authenticationInfo'] },
        },
        // Firefox for Android knows data-collection consent from 142.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
    // Chrome and Edge check policies pushed to managed storage against this schema; Firefox has no such key.
    ...(browser !== 'firefox' && { storage: { managed_schema: 'managed_schema.json' } }),
  }),
});
