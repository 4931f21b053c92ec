import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Explicit imports keep every file readable on its own, and keep server code free of WXT globals.
  imports: false,
  manifest: {
    name: 'Goal Lens',
    description: 'Tiers, key results and health metrics beside every account in your CRM.',
    permissions: ['storage', 'alarms', 'unlimitedStorage'],
  },
});
