import type { CacheDb } from '../cache/db.ts';
import type { TokenResponse } from '../schemas/index.ts';
import { loadUserSettings, saveSettings } from '../settings/store.ts';
import { resetCache } from '../sync/engine.ts';

/** Keeps the new device session as the token the background sends; another person's cache goes. */
export async function keepSession(db: CacheDb, backendUrl: string, answer: TokenResponse): Promise<void> {
  const current = await loadUserSettings(db);
  await resetCache(db);
  await saveSettings(db, {
    ...current,
    backendUrl,
    token: answer.access_token,
    session: {
      id: answer.session_id,
      userName: answer.user.name,
      email: answer.user.email,
      rotatedAt: new Date().toISOString(),
    },
  });
}

/**
 * Signs this browser out: the backend ends the session (best effort: offline, or already revoked,
 * the local sign-out still happens) and the signed-in person's cache is deleted.
 */
export async function endSession(db: CacheDb, fetchFn: typeof fetch = fetch): Promise<void> {
  const current = await loadUserSettings(db);
  if (current.backendUrl && current.token && current.session) {
    await fetchFn(`${current.backendUrl}/v1/sessions/${encodeURIComponent(current.session.id)}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${current.token}` },
      redirect: 'error',
    }).catch(() => undefined);
  }
  await resetCache(db);
  const { session: _ended, ...rest } = current;
  await saveSettings(db, { ...rest, token: null });
}
