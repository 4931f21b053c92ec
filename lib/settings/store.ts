import { type CacheDb, readKv, writeKv } from '../cache/db.ts';
import { EMPTY_SETTINGS, type Settings } from './settings.ts';

const SETTINGS_KEY = 'settings';

/** Settings added after the first release may be left out: stored settings from before lack them too. */
export type StoredSettings = Pick<Settings, 'backendUrl' | 'token' | 'syncIntervalMinutes'> &
  Partial<Settings>;

/** Settings live in the extension's own IndexedDB, which no content script can open. */
export async function loadSettings(db: CacheDb): Promise<Settings> {
  return { ...EMPTY_SETTINGS, ...(await readKv<Partial<Settings>>(db, SETTINGS_KEY)) };
}

export async function saveSettings(db: CacheDb, settings: StoredSettings): Promise<void> {
  await writeKv(db, SETTINGS_KEY, settings);
}
