/**
 * What the backend's sign-in pages and the extension agree on (SPEC §10): the tab sign-in ends on the
 * backend's own page at `TAB_RETURN_PATH`, and both it and an opened invitation link show a status line
 * with `SIGN_IN_STATUS_ID` that Goal Lens's content script writes its progress into.
 */
export const TAB_RETURN_PATH = '/auth/done';

export const SIGN_IN_STATUS_ID = 'goal-lens-signin-status';

/** The tab-return URL of the backend at `base`. */
export function tabReturnUrl(base: string): string {
  return new URL(TAB_RETURN_PATH, base).toString();
}
