import { defineConfig } from 'wxt';
import { CRM_HOST_PATTERNS } from './lib/crm/index.ts';

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
  manifest: {
    name: 'Goal Lens',
    description: 'Tiers, key results and health metrics beside every account in your CRM.',
    // `scripting` injects the panel into account pages only; the hosts are those the content script runs on.
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'scripting'],
    host_permissions: [...CRM_HOST_PATTERNS],
  },
});
