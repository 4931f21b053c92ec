import type { CacheDb } from '../cache/db.ts';
import { RotatedSession } from '../schemas/index.ts';
import { loadEffectiveSettings, loadUserSettings, saveSettings } from '../settings/store.ts';

/**
 * A device session trades its token for a new one once a day, before a sync: a token copied off a
 * disk or a backup stops working within a day and two minutes (the backend's grace for requests
 * already on their way). Best effort: offline, or refused, the sync itself says what is wrong.
 */
const ROTATE_AFTER_MS = 24 * 3600_000;

export async function rotateSessionIfDue(
  db: CacheDb,
  now: Date,
  fetchFn: typeof fetch = fetch,
): Promise<boolean> {
  const { settings, locked } = await loadEffectiveSettings(db);
  const { backendUrl, token, session } = settings;
  if (!backendUrl || !token || !session || locked.includes('token')) return false;
  const last = Date.parse(session.rotatedAt ?? '');
  if (Number.isFinite(last) && now.getTime() - last < ROTATE_AFTER_MS) return false;

  const response = await fetchFn(`${backendUrl}/v1/sessions/current/rotate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    redirect: 'error',
  }).catch(() => null);
  if (!response?.ok) return false;
  const rotated = RotatedSession.safeParse(await response.json().catch(() => null));
  if (!rotated.success || rotated.data.session_id !== session.id) return false;
  // Signed out or signed in again meanwhile: that newer choice stands.
  const current = await loadUserSettings(db);
  if (current.token !== token) return false;
  await saveSettings(db, {
    ...current,
    token: rotated.data.access_token,
    session: { ...session, rotatedAt: now.toISOString() },
  });
  return true;
}
