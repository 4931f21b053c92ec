import { type CacheDb, readKv, writeKv } from '../cache/db.ts';
import { applyPolicy, type EffectiveSettings } from './effective.ts';
import type { PolicyState } from './policy.ts';
import { currentPolicy } from './policy-source.ts';
import { EMPTY_SETTINGS, type Settings } from './settings.ts';

const SETTINGS_KEY = 'settings';

/** Settings added after the first release may be left out: stored settings from before lack them too. */
type StoredSettings = Pick<Settings, 'backendUrl' | 'token' | 'syncIntervalMinutes'> & Partial<Settings>;

/** What the user chose, before any policy. Settings live in the extension's own IndexedDB, which no content script can open. */
export async function loadUserSettings(db: CacheDb): Promise<Settings> {
  return { ...EMPTY_SETTINGS, ...(await readKv<Partial<Settings>>(db, SETTINGS_KEY)) };
}

/** The user's settings with the administrator's policy over them, and which of them it locks. */
/**
 * `policy` when the caller has read it already: inside an IndexedDB transaction, awaiting managed
 * storage (not IndexedDB) would end the transaction.
 */
export async function loadEffectiveSettings(db: CacheDb, policy?: PolicyState): Promise<EffectiveSettings> {
  const [user, inForce] = await Promise.all([loadUserSettings(db), policy ?? currentPolicy()]);
  return applyPolicy(user, inForce);
}

/** The settings in force; everything that syncs, sends or shows uses these. */
export async function loadSettings(db: CacheDb, policy?: PolicyState): Promise<Settings> {
  return (await loadEffectiveSettings(db, policy)).settings;
}

const changeListeners = new Set<() => void>();

/**
 * Calls `listener` after each change of the settings in force in this context: every save, and a new
 * administrator policy (whose watcher calls settingsChanged). Returns the unsubscribe.
 */
export function onSettingsChanged(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

export function settingsChanged(): void {
  for (const listener of changeListeners) listener();
}

export async function saveSettings(db: CacheDb, settings: StoredSettings): Promise<void> {
  await writeKv(db, SETTINGS_KEY, settings);
  settingsChanged();
}
