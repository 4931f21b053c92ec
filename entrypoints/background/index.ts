import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { z } from 'zod';
import { foregroundGate } from '@/lib/background/foreground-gate.ts';
import { CacheDb } from '@/lib/cache/db.ts';
import { inForeground } from '@/lib/messages/foreground.ts';
import { createMessageRouter } from '@/lib/messages/router.ts';
import { currentPolicy } from '@/lib/settings/policy-source.ts';
import { loadSettings } from '@/lib/settings/store.ts';
import { createSyncEngine } from '@/lib/sync/engine.ts';
import { broadcastCacheChanged, type ChangedBy } from './broadcast.ts';
import { reconcileCrmSites } from './crm-sites.ts';
import { createHandlers } from './handlers.ts';
import { createLiveChannel } from './live.ts';
import { watchPermissions, watchPolicy } from './policy-watch.ts';
import { createSyncScheduler } from './scheduler.ts';
import { reconcileSignInBridge } from './signin-bridge.ts';
import { signInOnInstall } from './signin-on-install.ts';

export default defineBackground(() => {
  // The extension's CSP forbids eval. Without this, zod's first object parse probes `new Function`, and
  // the browser reports the refused probe as a policy violation although zod catches it.
  z.config({ jitless: true });
  const db = new CacheDb();
  const engine = createSyncEngine(db);
  const onCacheChanged = (changedBy?: ChangedBy) => void broadcastCacheChanged(changedBy);
  const scheduler = createSyncScheduler(db, engine, onCacheChanged);
  watchPolicy(db, scheduler, onCacheChanged);
  watchPermissions(db);
  const route = createMessageRouter(
    inForeground(createHandlers(db, scheduler, onCacheChanged), foregroundGate),
    browser.runtime.id,
    browser.runtime.getURL('/'),
  );

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  scheduler.listen();
  createLiveChannel(db, scheduler).listen();
  // A stopped worker is started by the request it must answer, most often a panel's: the database
  // opens and the policy is read while that request is still on its way, not once it arrived.
  db.open().catch((error: unknown) => console.error('Goal Lens: opening the cache', error));
  void currentPolicy();

  const start = async () => {
    await scheduler.resetBackoff();
    const settings = await loadSettings(db);
    // Custom domains must not hold up the sync: a failure here is logged, and retried on the next start.
    void reconcileCrmSites(settings).catch((error: unknown) =>
      console.error('Goal Lens: custom domains', error),
    );
    void reconcileSignInBridge(settings).catch((error: unknown) =>
      console.error('Goal Lens: sign-in pages', error),
    );
    await scheduler.setInterval(settings.syncIntervalMinutes);
    await scheduler.run();
  };
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void start();
    if (reason === 'install') void signInOnInstall(db);
  });
  browser.runtime.onStartup.addListener(() => void start());
  // Outcomes logged offline go out as soon as the network is back.
  globalThis.addEventListener('online', () => void scheduler.run());
});
