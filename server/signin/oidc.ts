import * as oidc from 'openid-client';
import type { IdentityProvider, IdpChecks, IdpIdentity } from './identity-provider.ts';

interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Goal Lens as an OpenID Connect relying party (openid-client, a certified implementation). The
 * provider's tokens are used once, on the server, to learn who signed in, and then dropped: the
 * extension only ever holds its own device session.
 */
export function openIdConnect(settings: OidcSettings): IdentityProvider {
  let configuration: Promise<oidc.Configuration> | undefined;
  // Discovered on first use and kept; a failed discovery is retried on the next sign-in.
  const config = () => {
    if (!configuration) {
      const issuer = new URL(settings.issuer);
      // Plain http only for a provider on this machine (development and tests).
      const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
      configuration = oidc
        .discovery(
          issuer,
          settings.clientId,
          undefined,
          oidc.ClientSecretBasic(settings.clientSecret),
          insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
        )
        .catch((error: unknown) => {
          configuration = undefined;
          throw error;
        });
    }
    return configuration;
  };

  return {
    async authorizationUrl(checks: IdpChecks, callbackUrl: string): Promise<URL> {
      return oidc.buildAuthorizationUrl(await config(), {
        redirect_uri: callbackUrl,
        scope: 'openid email profile',
        response_type: 'code',
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
      });
    },

    async finish(currentUrl: URL, checks: IdpChecks): Promise<IdpIdentity> {
      const cfg = await config();
      const tokens = await oidc.authorizationCodeGrant(cfg, currentUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('the identity provider sent no ID token');
      // Many providers keep email out of the ID token unless asked; the UserInfo endpoint has it.
      const info =
        typeof claims.email === 'string' &&
        (claims.email_verified !== undefined || claims.xms_edov !== undefined)
          ? claims
          : await oidc.fetchUserInfo(cfg, tokens.access_token, claims.sub);
      return {
        ...(typeof info.email === 'string' ? { email: info.email } : {}),
        // Entra ID has no email_verified; its optional claim xms_edov says the domain owner verified it.
        emailVerified: info.email_verified === true || info.xms_edov === true,
      };
    },
  };
}
