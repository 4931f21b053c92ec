/**
 * The extension's redirect URLs, matched exactly: Chrome and Edge use
 * `https://<extension-id>.chromiumapp.org/<path>`, Firefox `https://<hash>.extensions.allizom.org/<path>`.
 * Any other https URL (or an http loopback one, for development) may be listed too.
 */
export function parseRedirectUris(value: string | undefined): string[] {
  if (value === undefined) return [];
  const uris = value.split(/[\s,]+/).filter((uri) => uri !== '');
  for (const uri of uris) checkRedirectUri(uri);
  return uris;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function checkRedirectUri(uri: string): void {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new Error(`redirect URI "${uri}" is not a URL`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new Error(`redirect URI "${uri}" must use https (http only on 127.0.0.1 or localhost)`);
  }
  if (url.hash !== '') throw new Error(`redirect URI "${uri}" must not have a #fragment`);
}

/** Exact string comparison, as OAuth 2.0 Security BCP asks: no prefixes, no wildcards. */
export function isAllowedRedirect(allowed: readonly string[], uri: string): boolean {
  return allowed.includes(uri);
}
