/** The secrets of one sign-in with the identity provider; they stay on the server. */
export interface IdpChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** What the identity provider vouches for about the person who signed in. */
export interface IdpIdentity {
  email?: string;
  emailVerified: boolean;
}

/** The company's identity provider, as the sign-in routes use it (OpenID Connect in production). */
export interface IdentityProvider {
  /** Where to send the browser to sign in; the provider comes back to `callbackUrl`. */
  authorizationUrl(checks: IdpChecks, callbackUrl: string): Promise<URL>;
  /** Verifies the provider's answer at `currentUrl` (code, state, ID token, nonce, PKCE). */
  finish(currentUrl: URL, checks: IdpChecks): Promise<IdpIdentity>;
}
