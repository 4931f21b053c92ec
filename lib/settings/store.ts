import { type CacheDb, readKv, writeKv } from '../cache/db.ts';
import { EMPTY_SETTINGS, type Settings } from './settings.ts';

const SETTINGS_KEY = 'settings';

/** Settings live in the extension's own IndexedDB, which no content script can open. */
export async function loadSettings(db: CacheDb): Promise<Settings> {
  return { ...EMPTY_SETTINGS, ...(await readKv<Partial<Settings>>(db, SETTINGS_KEY)) };
}

export async function saveSettings(db: CacheDb, settings: Settings): Promise<void> {
  await writeKv(db, SETTINGS_KEY, settings);
}
