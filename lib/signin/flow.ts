import { AppError } from '../errors.ts';
import { ApiError, TokenResponse } from '../schemas/index.ts';
import { randomSecret, s256Challenge } from './pkce.ts';

/** Opens the sign-in window at `url` and resolves with the URL it was finally redirected to. */
type LaunchAuthFlow = (url: string) => Promise<string>;

interface SignInInput {
  backendUrl: string;
  /** The browser's redirect URL for this extension (identity.getRedirectURL). */
  redirectUri: string;
  launch: LaunchAuthFlow;
  /** The secret of an invitation link, for backends without an identity provider. */
  invitation?: string;
  fetchFn?: typeof fetch;
}

/**
 * The extension's half of SPEC §10: PKCE (S256) and state made here and never leaving the
 * background, the sign-in window, then the code exchanged for a device session.
 */
export async function signIn(input: SignInInput): Promise<TokenResponse> {
  const verifier = randomSecret();
  const state = randomSecret();
  const url = await authorizeUrl(input.backendUrl, input.redirectUri, verifier, state, input.invitation);
  const code = codeFromAnswer(new URL(await input.launch(url)).searchParams, state);
  return exchangeCode(input.backendUrl, input.redirectUri, code, verifier, input.fetchFn);
}

/** The backend's authorize URL for a sign-in this extension started (PKCE S256, state). */
export async function authorizeUrl(
  backendUrl: string,
  redirectUri: string,
  verifier: string,
  state: string,
  invitation?: string,
): Promise<string> {
  const authorize = new URL('/auth/authorize', backendUrl);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    redirect_uri: redirectUri,
    code_challenge: await s256Challenge(verifier),
    code_challenge_method: 'S256',
    state,
    ...(invitation ? { invitation } : {}),
  }).toString();
  return authorize.toString();
}

/** The code in the answer, once its state is the one this sign-in sent. */
export function codeFromAnswer(answer: URLSearchParams, state: string): string {
  if (answer.get('state') !== state) {
    throw new AppError(
      'signin_failed',
      'The sign-in answer did not match the sign-in Goal Lens started. Try again.',
    );
  }
  const code = answer.get('code');
  if (!code) {
    const reason = answer.get('error_description') ?? answer.get('error') ?? 'no code came back';
    throw new AppError('signin_failed', `Sign-in did not finish: ${reason}.`);
  }
  return code;
}

/** Trades the one-time code and the PKCE verifier for a device session. */
export async function exchangeCode(
  backendUrl: string,
  redirectUri: string,
  code: string,
  verifier: string,
  fetchFn: typeof fetch = fetch,
): Promise<TokenResponse> {
  const response = await fetchFn(new URL('/auth/token', backendUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: redirectUri,
    }),
    redirect: 'error',
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = ApiError.safeParse(body);
    const words = error.success ? error.data.error.message : `the backend answered ${response.status}`;
    throw new AppError('signin_failed', `Sign-in did not finish: ${words}`);
  }
  const token = TokenResponse.safeParse(body);
  if (!token.success) throw new AppError('signin_failed', "The backend's sign-in answer is malformed.");
  return token.data;
}

/** Accepts a whole invitation link or just its secret. */
export function invitationSecret(linkOrSecret: string): string {
  const text = linkOrSecret.trim();
  const match = /\/auth\/invite\/([A-Za-z0-9_-]+)\/?$/.exec(text);
  return match?.[1] ?? text;
}
