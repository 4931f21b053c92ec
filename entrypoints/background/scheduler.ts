import { browser } from 'wxt/browser';
import { createBackendClient } from '@/lib/backend/client.ts';
import { type CacheDb, readKv, writeKv } from '@/lib/cache/db.ts';
import { isQuotaExceeded } from '@/lib/cache/quota.ts';
import { toErrorInfo } from '@/lib/errors.ts';
import { flushOutbox } from '@/lib/outbox/flush.ts';
import { loadSettings } from '@/lib/settings/store.ts';
import { backoffDelayMs, retryAfterMsOf } from '@/lib/sync/backoff.ts';
import { type SyncEngine, writeSyncStatus } from '@/lib/sync/engine.ts';
import type { SyncStatus } from '@/lib/sync/status.ts';

const PERIODIC_ALARM = 'goal-lens-sync';
const RETRY_ALARM = 'goal-lens-sync-retry';
const FAILURES_KEY = 'sync.failures';
/** Errors a retry cannot fix: only the user can, by changing the settings. */
const NEEDS_USER = new Set(['auth', 'not_configured']);

/** A full disk must not stop a retry from being scheduled: the failure count just stays where it was. */
async function writeCount(db: CacheDb, failures: number): Promise<void> {
  await writeKv(db, FAILURES_KEY, failures).catch((error: unknown) => {
    if (!isQuotaExceeded(error)) throw error;
  });
}

/** Sends the outbox and syncs, on every trigger, with backoff and jitter when the backend fails. */
export function createSyncScheduler(db: CacheDb, engine: SyncEngine, onCacheChanged: () => void) {
  async function scheduleRetry(retryAfterMs?: number): Promise<string> {
    const failures = ((await readKv<number>(db, FAILURES_KEY)) ?? 0) + 1;
    await writeCount(db, failures);
    const delay = backoffDelayMs(failures, Math.random(), retryAfterMs);
    await browser.alarms.create(RETRY_ALARM, { when: Date.now() + delay });
    return new Date(Date.now() + delay).toISOString();
  }

  async function clearRetry() {
    // Most syncs follow a success: a write (a disk flush) only when there is a count to clear.
    if (await readKv<number>(db, FAILURES_KEY)) await writeCount(db, 0);
    await browser.alarms.clear(RETRY_ALARM);
  }

  /** Throws what the backend said when delivery failed; the outbox keeps everything for later. */
  async function flush(): Promise<void> {
    const settings = await loadSettings(db);
    if (!settings.backendUrl || !settings.token) return;
    const { settled, refusedUndos } = await flushOutbox(
      db,
      createBackendClient(settings.backendUrl, settings.token),
    );
    if (settled > 0) onCacheChanged();
    // A refused undo leaves the outcome counting: the key result is shown as the backend has it now.
    if (refusedUndos > 0 && (await engine.sync()).changed) onCacheChanged();
  }

  async function run(): Promise<SyncStatus> {
    const flushFailure = await flush().then(
      () => null,
      (error: unknown) => toErrorInfo(error),
    );
    const { status, changed } = await engine.sync();
    if (changed) onCacheChanged();
    const failure = status.lastError ?? flushFailure;
    if (!failure || NEEDS_USER.has(failure.code)) {
      await clearRetry();
      return status;
    }
    const withRetry = { ...status, nextRetryAt: await scheduleRetry(retryAfterMsOf(failure)) };
    await writeSyncStatus(db, withRetry);
    return withRetry;
  }

  return {
    run,
    /**
     * Right after a click: send now if we can, else make sure a retry is coming. Many clicks while
     * offline are one outage, so they do not each lengthen the backoff.
     */
    async deliver() {
      try {
        await flush();
      } catch (error) {
        const failure = toErrorInfo(error);
        if (NEEDS_USER.has(failure.code) || (await browser.alarms.get(RETRY_ALARM))) return;
        await scheduleRetry(retryAfterMsOf(failure));
      }
    },
    /** A new browser session starts with a fresh backoff. */
    resetBackoff: () => clearRetry(),
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

export type SyncScheduler = ReturnType<typeof createSyncScheduler>;
