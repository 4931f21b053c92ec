import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Explicit imports keep every file readable on its own, and keep server code free of WXT globals.
  imports: false,
  // Lets a second checkout's build and browser tests run beside another's without sharing output.
  outDir: process.env.GOAL_LENS_OUT_DIR ?? '.output',
  manifest: {
    name: 'Goal Lens',
    description: 'Tiers, key results and health metrics beside every account in your CRM.',
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'scripting'],
    // Custom CRM domains (vanity Salesforce, on-premises Dynamics) are asked for one by one when added.
    optional_host_permissions: ['https://*/*'],
  },
});
