import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Goal Lens',
    description: 'Tiers, key results and health metrics beside every account in your CRM.',
    permissions: ['storage', 'alarms', 'unlimitedStorage'],
  },
});
