import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createMessageClient } from '@/lib/messages/client.ts';
import { SIGN_IN_STATUS_ID, TAB_RETURN_PATH } from '@/lib/signin/tab-return.ts';

const INVITE_PATH = /^\/auth\/invite\/([A-Za-z0-9_-]{1,200})\/?$/;

/**
 * Registered at run time for the configured backend's sign-in pages only (background/signin-bridge.ts).
 * It hands the background what the page holds (the one-time code and state, or an invitation) and
 * shows how it went; the background checks who sent it and does the rest.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    const status = document.getElementById(SIGN_IN_STATUS_ID);
    if (!status) return;
    const request = createMessageClient((message) => browser.runtime.sendMessage(message));
    const say = (text: string) => {
      status.textContent = text;
    };
    const failed = (error: unknown) => say(error instanceof Error ? error.message : String(error));

    if (location.pathname === TAB_RETURN_PATH) {
      const answer = new URLSearchParams(location.hash.slice(1));
      // The code leaves the address bar and history at once; it is worthless without the verifier anyway.
      history.replaceState(null, '', location.pathname);
      const code = answer.get('code');
      const state = answer.get('state');
      if (!code || !state) return;
      say('Goal Lens is signing you in…');
      request('signin/tab-code', { code, state }).then(
        ({ signedInAs }) => say(`Signed in to Goal Lens as ${signedInAs}. You can close this tab.`),
        failed,
      );
      return;
    }
    const invitation = INVITE_PATH.exec(location.pathname)?.[1];
    if (invitation) {
      say('Goal Lens is signing this browser in with your invitation…');
      request('signin/tab-invitation', { invitation }).catch(failed);
    }
  },
});
