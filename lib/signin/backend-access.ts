/**
 * The host permission Goal Lens asks for on the configured backend, and the pages of it where the
 * sign-in content script runs. The backend is chosen at run time (options page or policy), so this
 * cannot be a manifest entry: `externally_connectable` needs its web-page matches at build time, and
 * Firefox has no `externally_connectable` for web pages at all. Match patterns carry no port, so the
 * background also checks the sender's exact origin.
 */
export function backendAccessPattern(backendUrl: string): string {
  const url = new URL(backendUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

export function signInPagesPattern(backendUrl: string): string {
  const url = new URL(backendUrl);
  return `${url.protocol}//${url.hostname}/auth/*`;
}
