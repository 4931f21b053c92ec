import { defineConfig } from 'wxt';

/** The add-on id Firefox keys managed storage (enterprise policy) and its native manifest by. */
const GECKO_ID = 'goal-lens@goal-lens.dev';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Explicit imports keep every file readable on its own, and keep server code free of WXT globals.
  imports: false,
  // Lets a second checkout's build and browser tests run beside another's without sharing output.
  outDir: process.env.GOAL_LENS_OUT_DIR ?? '.output',
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Goal Lens',
    description: 'Tiers, key results and health metrics beside every account in your CRM.',
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'scripting'],
    // Custom CRM domains (vanity Salesforce, on-premises Dynamics) are asked for one by one when added;
    // Manifest V2 lists optional hosts among the optional permissions.
    ...(manifestVersion === 2
      ? { optional_permissions: ['https://*/*'] }
      : { optional_host_permissions: ['https://*/*'] }),
    // Chrome and Edge check policies pushed to managed storage against this schema; Firefox has no such key.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: GECKO_ID } } }
      : { storage: { managed_schema: 'managed_schema.json' } }),
  }),
});
