import { createHash, randomBytes } from 'node:crypto';

/** What the extension does with sign-in: PKCE pair, state, and the token exchange. */
export const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/signin';

export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizePath(
  challenge: string,
  extra: Record<string, string> = {},
  redirectUri = REDIRECT,
): string {
  const query = new URLSearchParams({
    response_type: 'code',
    redirect_uri: redirectUri,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'state-from-extension',
    ...extra,
  });
  return `/auth/authorize?${query}`;
}

/** The code and state on a redirect to the extension, or null when it went elsewhere. */
export function codeFrom(response: Response): { code: string; state: string } | null {
  const location = response.headers.get('Location');
  if (response.status !== 302 || !location?.startsWith(REDIRECT)) return null;
  const url = new URL(location);
  return { code: url.searchParams.get('code') ?? '', state: url.searchParams.get('state') ?? '' };
}

export function tokenRequest(code: string, verifier: string, redirectUri = REDIRECT): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: redirectUri,
    }),
  };
}
