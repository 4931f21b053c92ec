import { S256_CHALLENGE } from './pkce.ts';
import { isAllowedRedirect } from './redirect-uris.ts';

/** What the extension asks for when it starts a sign-in. */
export interface AuthorizeRequest {
  redirectUri: string;
  codeChallenge: string;
  state: string;
  /** A name the extension proposes for the device ("Chrome on macOS"); else read from the user agent. */
  deviceName?: string;
  /** The secret of a one-time invitation link, for backends without an identity provider. */
  invitation?: string;
}

type Parsed = { ok: true; request: AuthorizeRequest } | { ok: false; problem: string };

const MAX_STATE = 500;

/**
 * Checks `GET /auth/authorize`'s query. A redirect URI outside the allow-list is never redirected to,
 * so every problem is reported on the backend's own page.
 */
export function parseAuthorizeRequest(
  query: Record<string, string | undefined>,
  allowed: readonly string[],
): Parsed {
  const redirectUri = query.redirect_uri;
  if (!redirectUri) return { ok: false, problem: 'redirect_uri is missing.' };
  if (!isAllowedRedirect(allowed, redirectUri)) {
    return { ok: false, problem: `redirect_uri ${redirectUri} is not one this backend allows.` };
  }
  if (query.response_type !== undefined && query.response_type !== 'code') {
    return { ok: false, problem: 'response_type must be "code".' };
  }
  if (query.code_challenge_method !== 'S256')
    return { ok: false, problem: 'code_challenge_method must be "S256".' };
  const codeChallenge = query.code_challenge;
  if (!codeChallenge || !S256_CHALLENGE.test(codeChallenge)) {
    return { ok: false, problem: 'code_challenge must be a base64url SHA-256 (43 characters).' };
  }
  const state = query.state;
  if (!state || state.length > MAX_STATE) {
    return { ok: false, problem: `state is required (at most ${MAX_STATE} characters).` };
  }
  return {
    ok: true,
    request: {
      redirectUri,
      codeChallenge,
      state,
      ...(query.device_name ? { deviceName: query.device_name } : {}),
      ...(query.invitation ? { invitation: query.invitation } : {}),
    },
  };
}

/** Where the browser goes with the one-time code; `state` comes back untouched for the extension to check. */
export function codeRedirect(request: AuthorizeRequest, code: string): string {
  const url = new URL(request.redirectUri);
  url.searchParams.set('code', code);
  url.searchParams.set('state', request.state);
  return url.toString();
}
