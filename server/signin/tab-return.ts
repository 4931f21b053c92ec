import { html } from 'hono/html';
import { SIGN_IN_STATUS_ID } from '../../lib/signin/tab-return.ts';
import { page } from './pages.ts';

/*
 * The pages of sign-in in a normal browser tab. It ends on this backend's own page, not on the
 * extension's redirect URL: identity providers whose device-bound conditional-access rules refuse the
 * browser's sign-in window accept a normal tab, and browsers without `launchWebAuthFlow` have nothing
 * else. Goal Lens's content script, registered for the configured backend's origin only, reads the code
 * there and hands it to the extension, which alone holds the PKCE verifier and the state.
 */

/**
 * The code rides in the fragment, which browsers never send to a server: it stays out of access logs
 * and proxies, and the page's referrer policy keeps it from leaving in a Referer header.
 */
export function tabCodeRedirect(returnUrl: string, code: string, state: string): string {
  const url = new URL(returnUrl);
  url.hash = new URLSearchParams({ code, state }).toString();
  return url.toString();
}

/** A page Goal Lens finishes in this browser; what it says stands when Goal Lens is not here. */
function bridgePage(title: string, withoutGoalLens: string, detail?: string) {
  return page(title, html`<span id="${SIGN_IN_STATUS_ID}" role="status">${withoutGoalLens}</span>`, detail);
}

/** Where the tab sign-in lands; Goal Lens replaces the status once it has the code. */
export function tabReturnPage() {
  return bridgePage(
    'Finishing sign-in',
    'Goal Lens is finishing your sign-in… If this message stays, Goal Lens is not installed in this browser, or not connected to this backend: start the sign-in again from Goal Lens’s options page.',
  );
}

/** An opened invitation link: Goal Lens in this browser signs in with it; otherwise, how to get there. */
export function invitationPage() {
  return bridgePage(
    'Your Goal Lens invitation',
    'To use this invitation, install Goal Lens in this browser, then either open this link again (once Goal Lens is connected to this backend and allowed to read its sign-in pages) or open Goal Lens’s options page, paste this page’s address under “Have an invitation link?”, and click Sign in.',
    'The link works once. If it has expired or was used already, ask your admin for a new one.',
  );
}
