import { browser } from 'wxt/browser';
import type { CacheDb } from '@/lib/cache/db.ts';
import { AppError } from '@/lib/errors.ts';
import type { Handlers } from '@/lib/messages/router.ts';
import type { SenderFacts } from '@/lib/messages/sender.ts';
import { loadEffectiveSettings } from '@/lib/settings/store.ts';
import { backendAccessPattern } from '@/lib/signin/backend-access.ts';
import { exchangeCode, invitationSecret } from '@/lib/signin/flow.ts';
import { keepSession } from '@/lib/signin/session.ts';
import { acceptTabAnswer, type PendingTabSignIn, startTabSignIn } from '@/lib/signin/tab-flow.ts';
import type { SyncScheduler } from './scheduler.ts';
import { reconcileSignInBridge } from './signin-bridge.ts';
import { chosenBackendUrl } from './signin-handlers.ts';

// Session storage: in memory, gone with the browser, and out of content scripts' reach by default.
const PENDING_KEY = 'goal-lens-tab-sign-in';

async function remember(pending: PendingTabSignIn): Promise<void> {
  await browser.storage.session.set({ [PENDING_KEY]: pending });
}

/** The pending sign-in, taken: whatever the answer, it is never accepted twice. */
async function take(): Promise<PendingTabSignIn | undefined> {
  const stored = (await browser.storage.session.get(PENDING_KEY))[PENDING_KEY] as
    | PendingTabSignIn
    | undefined;
  await browser.storage.session.remove(PENDING_KEY);
  return stored;
}

/** The sender is the top frame of a tab, on the configured backend's origin (not as the page says). */
async function backendTab(
  db: CacheDb,
  sender: SenderFacts,
): Promise<{ tabId: number; url: URL; backendUrl: string }> {
  const { settings } = await loadEffectiveSettings(db);
  const url = sender.url ? new URL(sender.url) : null;
  if (!settings.backendUrl || !url || url.origin !== new URL(settings.backendUrl).origin) {
    throw new AppError(
      'forbidden_sender',
      'Only the configured backend’s sign-in pages may sign this browser in.',
    );
  }
  if (sender.frameId !== 0 || sender.tab?.id === undefined) {
    throw new AppError('forbidden_sender', 'Sign-in pages are accepted only as a whole tab.');
  }
  return { tabId: sender.tab.id, url, backendUrl: settings.backendUrl };
}

export function createTabSignInHandlers(
  db: CacheDb,
  scheduler: SyncScheduler,
  onCacheChanged: () => void,
): Pick<Handlers, 'signin/tab-start' | 'signin/tab-code' | 'signin/tab-invitation'> {
  return {
    async 'signin/tab-start'(input) {
      const backendUrl = await chosenBackendUrl(db, input.backendUrl);
      // The options page asked for it with the click; without it the code could not come back.
      if (!(await browser.permissions.contains({ origins: [backendAccessPattern(backendUrl)] }))) {
        throw new AppError(
          'permission_needed',
          `Allow Goal Lens on ${new URL(backendUrl).host} to sign in in a browser tab.`,
        );
      }
      await reconcileSignInBridge({ ...(await loadEffectiveSettings(db)).settings, backendUrl });
      const invitation = input.invitation ? invitationSecret(input.invitation) : undefined;
      const { pending, url } = await startTabSignIn(backendUrl, Date.now(), invitation);
      await remember(pending);
      await browser.tabs.create({ url });
      return {};
    },

    async 'signin/tab-code'(answer, sender) {
      // The sign-in may go to a backend typed but not saved yet: the page must be that backend's.
      if (sender.frameId !== 0)
        throw new AppError('forbidden_sender', 'Sign-in pages are accepted only as a whole tab.');
      const pending = await take();
      const code = acceptTabAnswer(pending, { ...answer, senderUrl: sender.url ?? '' }, Date.now());
      if (!pending) throw new AppError('signin_failed', 'No sign-in is waiting.');
      const session = await exchangeCode(pending.backendUrl, pending.redirectUri, code, pending.verifier);
      await keepSession(db, pending.backendUrl, session);
      onCacheChanged();
      void scheduler.run();
      return { signedInAs: session.user.name };
    },

    async 'signin/tab-invitation'({ invitation }, sender) {
      const { tabId, url, backendUrl } = await backendTab(db, sender);
      if (!url.pathname.startsWith('/auth/invite/')) {
        throw new AppError('forbidden_sender', 'Only an invitation page may hand over an invitation.');
      }
      const { settings } = await loadEffectiveSettings(db);
      // Someone else's link must not quietly switch a signed-in browser to their account.
      if (settings.token) {
        const who = settings.session ? ` as ${settings.session.userName}` : '';
        throw new AppError(
          'already_signed_in',
          `This browser is already signed in to Goal Lens${who}. To use this invitation, sign out in Goal Lens’s options first, then open the link again.`,
        );
      }
      const { pending, url: authorize } = await startTabSignIn(backendUrl, Date.now(), invitation);
      await remember(pending);
      await browser.tabs.update(tabId, { url: authorize });
      return {};
    },
  };
}
