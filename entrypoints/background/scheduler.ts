import { browser } from 'wxt/browser';
import { type CacheDb, readKv, writeKv } from '@/lib/cache/db.ts';
import { backoffDelayMs } from '@/lib/sync/backoff.ts';
import { type SyncEngine, writeSyncStatus } from '@/lib/sync/engine.ts';
import type { SyncStatus } from '@/lib/sync/status.ts';

const PERIODIC_ALARM = 'goal-lens-sync';
const RETRY_ALARM = 'goal-lens-sync-retry';
const FAILURES_KEY = 'sync.failures';
/** Errors a retry cannot fix: only the user can, by changing the settings. */
const NEEDS_USER = new Set(['auth', 'not_configured']);

export function createSyncScheduler(db: CacheDb, engine: SyncEngine, onCacheChanged: () => void) {
  async function scheduleRetry(status: SyncStatus): Promise<SyncStatus> {
    const failures = ((await readKv<number>(db, FAILURES_KEY)) ?? 0) + 1;
    await writeKv(db, FAILURES_KEY, failures);
    const details = status.lastError?.details as { retryAfterMs?: number } | undefined;
    const delay = backoffDelayMs(failures, Math.random(), details?.retryAfterMs);
    await browser.alarms.create(RETRY_ALARM, { when: Date.now() + delay });
    const withRetry = { ...status, nextRetryAt: new Date(Date.now() + delay).toISOString() };
    await writeSyncStatus(db, withRetry);
    return withRetry;
  }

  async function run(): Promise<SyncStatus> {
    const { status, changed } = await engine.sync();
    if (changed) onCacheChanged();
    const code = status.lastError?.code;
    if (status.state === 'error' && code && !NEEDS_USER.has(code)) return scheduleRetry(status);
    await writeKv(db, FAILURES_KEY, 0);
    await browser.alarms.clear(RETRY_ALARM);
    return status;
  }

  return {
    run,
    async setInterval(minutes: number) {
      await browser.alarms.create(PERIODIC_ALARM, { periodInMinutes: minutes, delayInMinutes: minutes });
    },
    listen() {
      browser.alarms.onAlarm.addListener(async (alarm) => {
        if (alarm.name !== PERIODIC_ALARM && alarm.name !== RETRY_ALARM) return;
        const last = (await engine.lastStatus()).lastError?.code;
        // A refused token stays refused; hammering the backend with it helps nobody.
        if (last && NEEDS_USER.has(last)) return;
        await run();
      });
    },
  };
}
