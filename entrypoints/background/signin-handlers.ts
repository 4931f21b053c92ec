import { browser } from 'wxt/browser';
import type { CacheDb } from '@/lib/cache/db.ts';
import { AppError } from '@/lib/errors.ts';
import type { Handlers } from '@/lib/messages/router.ts';
import { toSettingsView } from '@/lib/settings/effective.ts';
import { normaliseBackendUrl } from '@/lib/settings/settings.ts';
import { loadEffectiveSettings } from '@/lib/settings/store.ts';
import { listDevices, signOutDevice } from '@/lib/signin/devices.ts';
import { invitationSecret, signIn } from '@/lib/signin/flow.ts';
import { endSession, keepSession } from '@/lib/signin/session.ts';
import type { SyncScheduler } from './scheduler.ts';

/** The browser's own sign-in window; its redirect URL is what the backend must allow. */
async function launch(url: string): Promise<string> {
  const returned = await browser.identity.launchWebAuthFlow({ url, interactive: true });
  if (!returned) throw new AppError('signin_failed', 'The sign-in window closed without signing in.');
  return returned;
}

/** The backend a sign-in goes to: the one typed on the options page, unless the policy sets it. */
export async function chosenBackendUrl(db: CacheDb, typed: string | undefined): Promise<string> {
  const before = await loadEffectiveSettings(db);
  const backendUrl =
    typed && !before.locked.includes('backendUrl') ? normaliseBackendUrl(typed) : before.settings.backendUrl;
  if (!backendUrl) throw new AppError('invalid_backend_url', 'Enter the backend URL first.');
  return backendUrl;
}

export function createSignInHandlers(
  db: CacheDb,
  scheduler: SyncScheduler,
  onCacheChanged: () => void,
): Pick<Handlers, 'signin/start' | 'signin/out' | 'signin/devices' | 'signin/device-out'> {
  return {
    async 'signin/start'(input) {
      const backendUrl = await chosenBackendUrl(db, input.backendUrl);
      const answer = await signIn({
        backendUrl,
        redirectUri: browser.identity.getRedirectURL(),
        launch,
        ...(input.invitation ? { invitation: invitationSecret(input.invitation) } : {}),
      });
      await keepSession(db, backendUrl, answer);
      onCacheChanged();
      void scheduler.run();
      return toSettingsView(await loadEffectiveSettings(db));
    },

    'signin/devices': async () => ({ sessions: await listDevices(db) }),

    async 'signin/device-out'({ id }) {
      const sessions = await signOutDevice(db, id);
      if (sessions.length === 0) onCacheChanged();
      return { sessions };
    },

    async 'signin/out'() {
      await endSession(db);
      onCacheChanged();
      return toSettingsView(await loadEffectiveSettings(db));
    },
  };
}
