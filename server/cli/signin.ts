import { openIdConnect } from '../signin/oidc.ts';
import { parseRedirectUris } from '../signin/redirect-uris.ts';
import type { SignInOptions } from '../signin/routes.ts';
import { UsageError } from './storage.ts';

interface SignInFlags {
  'public-url'?: string | undefined;
  'redirect-uri'?: string[] | undefined;
  'oidc-issuer'?: string | undefined;
  'oidc-client-id'?: string | undefined;
  'oidc-client-secret'?: string | undefined;
}

export const SIGN_IN_OPTIONS = {
  'public-url': { type: 'string' },
  'redirect-uri': { type: 'string', multiple: true },
  'oidc-issuer': { type: 'string' },
  'oidc-client-id': { type: 'string' },
  'oidc-client-secret': { type: 'string' },
} as const;

/** Checked, but kept as given: an issuer identifier must match the provider's to the character. */
function url(value: string, what: string): string {
  try {
    new URL(value);
    return value;
  } catch {
    throw new UsageError(`${what} must be a URL (got "${value}")`);
  }
}

/** The backend's address as browsers reach it: --public-url, GOAL_LENS_PUBLIC_URL, or a default. */
export function resolvePublicUrl(env: NodeJS.ProcessEnv, flag: string | undefined, fallback?: string) {
  const value = flag ?? env.GOAL_LENS_PUBLIC_URL;
  return value === undefined ? fallback : url(value, '--public-url').replace(/\/+$/, '');
}

/**
 * Flags win over the environment (GOAL_LENS_PUBLIC_URL, GOAL_LENS_REDIRECT_URIS,
 * GOAL_LENS_OIDC_ISSUER, GOAL_LENS_OIDC_CLIENT_ID, GOAL_LENS_OIDC_CLIENT_SECRET). The OpenID Connect
 * settings come as a set of three or not at all.
 */
export function resolveSignIn(env: NodeJS.ProcessEnv, flags: SignInFlags): SignInOptions {
  let redirectUris: string[];
  try {
    redirectUris = flags['redirect-uri']
      ? flags['redirect-uri'].flatMap((value) => parseRedirectUris(value))
      : parseRedirectUris(env.GOAL_LENS_REDIRECT_URIS);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const issuer = flags['oidc-issuer'] ?? env.GOAL_LENS_OIDC_ISSUER;
  const clientId = flags['oidc-client-id'] ?? env.GOAL_LENS_OIDC_CLIENT_ID;
  const clientSecret = flags['oidc-client-secret'] ?? env.GOAL_LENS_OIDC_CLIENT_SECRET;
  const given = [issuer, clientId, clientSecret].filter((value) => value !== undefined).length;
  if (given !== 0 && given !== 3) {
    throw new UsageError(
      'OpenID Connect needs all of --oidc-issuer, --oidc-client-id and --oidc-client-secret',
    );
  }
  const publicUrl = resolvePublicUrl(env, flags['public-url']);
  return {
    redirectUris,
    ...(publicUrl ? { publicUrl } : {}),
    ...(issuer && clientId && clientSecret
      ? { identityProvider: openIdConnect({ issuer: url(issuer, '--oidc-issuer'), clientId, clientSecret }) }
      : {}),
  };
}

export function describeSignIn(options: SignInOptions): string {
  const how = options.identityProvider ? 'OpenID Connect and invitations' : 'invitations only';
  return `${how}; ${options.redirectUris.length} redirect URI(s) allowed`;
}
