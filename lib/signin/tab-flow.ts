import { AppError } from '../errors.ts';
import { authorizeUrl, codeFromAnswer } from './flow.ts';
import { randomSecret } from './pkce.ts';
import { tabReturnUrl } from './tab-return.ts';

/**
 * Sign-in in a normal browser tab (SPEC §10), for identity providers whose device-bound
 * conditional-access rules refuse the browser's sign-in window, and browsers without one. The tab
 * ends on the backend's own page (`/auth/done`), where Goal Lens's content script, registered for the
 * configured backend's origin only, hands the code and state back. The verifier never leaves the
 * background, so a code read off that page by anyone else is worthless.
 */
/** As long as the backend waits for the person at the identity provider. */
export const TAB_SIGN_IN_TTL_MS = 10 * 60_000;

/** What the background remembers between opening the tab and the code coming back. */
export interface PendingTabSignIn {
  backendUrl: string;
  redirectUri: string;
  verifier: string;
  state: string;
  startedAt: number;
}

export async function startTabSignIn(
  backendUrl: string,
  now: number,
  invitation?: string,
): Promise<{ pending: PendingTabSignIn; url: string }> {
  const pending: PendingTabSignIn = {
    backendUrl,
    redirectUri: tabReturnUrl(backendUrl),
    verifier: randomSecret(),
    state: randomSecret(),
    startedAt: now,
  };
  const url = await authorizeUrl(
    backendUrl,
    pending.redirectUri,
    pending.verifier,
    pending.state,
    invitation,
  );
  return { pending, url };
}

interface TabAnswer {
  /** The URL of the page that sent the answer, as the browser reports it (not as the page claims). */
  senderUrl: string;
  code: string;
  state: string;
}

/**
 * The code, when the answer comes from the backend's own tab-return page, for the sign-in this
 * browser started, within its time. Anything else is refused with the reason.
 */
export function acceptTabAnswer(
  pending: PendingTabSignIn | undefined,
  answer: TabAnswer,
  now: number,
): string {
  if (!pending) {
    throw new AppError(
      'signin_failed',
      'Goal Lens did not start a sign-in in a tab. Start again from its options.',
    );
  }
  const sender = new URL(answer.senderUrl);
  const expected = new URL(pending.redirectUri);
  if (sender.origin !== expected.origin || sender.pathname !== expected.pathname) {
    throw new AppError('signin_failed', 'The sign-in answer came from a page other than the backend’s.');
  }
  if (now - pending.startedAt > TAB_SIGN_IN_TTL_MS) {
    throw new AppError('signin_failed', 'The sign-in took too long. Start again from Goal Lens.');
  }
  return codeFromAnswer(new URLSearchParams({ code: answer.code, state: answer.state }), pending.state);
}
