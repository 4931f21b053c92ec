import type { SyncStatus } from '../sync/status.ts';

/** A panel that opens on data older than this asks the backend for what is newer (SPEC §11). */
const STALE_AFTER_MS = 30_000;
/** A failing backend is asked at most this often by panels opening, whatever their number. */
const RETRY_AFTER_MS = 5_000;
/** Only the user can fix these; asking again changes nothing. */
const NEEDS_USER = new Set(['auth', 'not_configured']);

/**
 * Stale-while-revalidate: whether a panel that was just answered from the cache should also start a
 * delta sync. Not when the last success is recent, when a sync was just tried, or when the settings
 * or the token are what is wrong.
 */
export function shouldRevalidate(status: SyncStatus, now: number): boolean {
  if (status.lastError && NEEDS_USER.has(status.lastError.code)) return false;
  const age = (at: string | null) => (at === null ? Number.POSITIVE_INFINITY : now - Date.parse(at));
  return age(status.lastSuccessAt) > STALE_AFTER_MS && age(status.lastAttemptAt) > RETRY_AFTER_MS;
}
