import { createBackendClient } from '../backend/client.ts';
import type { CacheDb } from '../cache/db.ts';
import { AppError } from '../errors.ts';
import type { DeviceSession } from '../schemas/index.ts';
import { loadSettings } from '../settings/store.ts';
import { endSession } from './session.ts';

async function signedIn(db: CacheDb) {
  const settings = await loadSettings(db);
  if (!settings.backendUrl || !settings.token || !settings.session) {
    throw new AppError('not_signed_in', 'Sign in to see your signed-in devices.');
  }
  return { backendUrl: settings.backendUrl, token: settings.token };
}

/** The person's signed-in devices, this one marked `current`. */
export async function listDevices(db: CacheDb): Promise<DeviceSession[]> {
  const { backendUrl, token } = await signedIn(db);
  return (await createBackendClient(backendUrl, token).sessions()).sessions;
}

/** Signs one device out; signing out this one is the same as Sign out. */
export async function signOutDevice(
  db: CacheDb,
  id: string,
  fetchFn: typeof fetch = fetch,
): Promise<DeviceSession[]> {
  const { backendUrl, token } = await signedIn(db);
  const settings = await loadSettings(db);
  if (settings.session?.id === id) {
    await endSession(db, fetchFn);
    return [];
  }
  const response = await fetchFn(`${backendUrl}/v1/sessions/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${token}` },
    redirect: 'error',
  });
  if (!response.ok && response.status !== 404) {
    throw new AppError('signout_failed', `The backend did not sign that device out (${response.status}).`);
  }
  return listDevices(db);
}
