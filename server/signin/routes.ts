import { type Context, Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { TokenRequest, type TokenResponse } from '../../lib/schemas/index.ts';
import { TAB_RETURN_PATH, tabReturnUrl } from '../../lib/signin/tab-return.ts';
import type { Db } from '../db/types.ts';
import { errorBody } from '../http/errors.ts';
import { type RateLimit, TokenBuckets } from '../limit/token-bucket.ts';
import { deviceName } from '../sessions/device-name.ts';
import { createSession } from '../sessions/sessions.ts';
import { type AuthorizeRequest, codeRedirect, parseAuthorizeRequest } from './authorize-request.ts';
import { clientAddress } from './client-address.ts';
import { issueCode, redeemCode } from './codes.ts';
import type { IdentityProvider } from './identity-provider.ts';
import { redeemInvitation } from './invitations.ts';
import { SIGN_IN_DOCS } from './openapi.ts';
import { page } from './pages.ts';
import { rememberSignIn, takeSignIn } from './requests.ts';
import { invitationPage, tabCodeRedirect, tabReturnPage } from './tab-return.ts';
import { activeUserByEmail, activeUserById } from './users.ts';

export interface SignInOptions {
  /** The exact redirect URIs the extension may ask for (see redirect-uris.ts). */
  redirectUris: string[];
  /** The backend's address as browsers reach it; the identity provider returns to `<publicUrl>/auth/callback`. */
  publicUrl?: string;
  identityProvider?: IdentityProvider;
  /** Requests per client address per window on every sign-in endpoint, or 'off'. */
  rateLimit?: RateLimit | 'off';
}

/** Plenty for people signing in behind one NAT, far too few to guess anything. */
const SIGN_IN_RATE_LIMIT: RateLimit = { requests: 60, windowSeconds: 60 };

function limitByAddress(limit: RateLimit, now: () => number) {
  const buckets = new TokenBuckets(limit, now);
  return createMiddleware(async (c, next) => {
    const waitMs = buckets.take(clientAddress(c));
    if (waitMs === 0) return next();
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    return c.json(errorBody('rate_limited', `Too many sign-in attempts. Retry in ${seconds} s.`), 429, {
      'Retry-After': String(seconds),
    });
  });
}

function refuse(c: Context, status: 400 | 403, title: string, message: string, detail?: string) {
  c.header('Cache-Control', 'no-store');
  return c.html(page(title, message, detail), status);
}

async function readTokenRequest(c: Context): Promise<TokenRequest> {
  const type = c.req.header('Content-Type') ?? '';
  const body = type.includes('application/json') ? await c.req.json() : await c.req.parseBody();
  return TokenRequest.parse(body);
}

/**
 * The authorization-code flow between the extension and this backend (SPEC §10): authorize → (the
 * identity provider, or an invitation) → a one-time code on the extension's redirect URL → the token
 * endpoint exchanges code + PKCE verifier for a device session.
 */
export function signInRoutes(db: Db, options: SignInOptions, now: () => number = Date.now) {
  const app = new Hono();
  const limit = options.rateLimit ?? SIGN_IN_RATE_LIMIT;
  if (limit !== 'off') app.use('*', limitByAddress(limit, now));

  const sendCode = async (c: Context, request: AuthorizeRequest, userId: string, device: string) => {
    const code = await issueCode(
      db,
      { userId, codeChallenge: request.codeChallenge, redirectUri: request.redirectUri, deviceName: device },
      now(),
    );
    c.header('Cache-Control', 'no-store');
    const returnUrl = tabReturn(c);
    return c.redirect(
      request.redirectUri === returnUrl
        ? tabCodeRedirect(returnUrl, code, request.state)
        : codeRedirect(request, code),
      302,
    );
  };
  const callbackUrl = (c: Context) => new URL('/auth/callback', options.publicUrl ?? c.req.url).toString();
  const tabReturn = (c: Context) => tabReturnUrl(options.publicUrl ?? c.req.url);

  app.get('/authorize', SIGN_IN_DOCS.authorize, async (c) => {
    const parsed = parseAuthorizeRequest(c.req.query(), [...options.redirectUris, tabReturn(c)]);
    if (!parsed.ok) return refuse(c, 400, 'Sign-in could not start', parsed.problem);
    const { request } = parsed;
    const device = deviceName(c.req.header('User-Agent'), request.deviceName);
    if (request.invitation !== undefined) {
      const userId = await redeemInvitation(db, request.invitation, now());
      if (userId === null) {
        return refuse(
          c,
          400,
          'This invitation no longer works',
          'It was used already or it expired. Ask your admin for a new invitation link.',
        );
      }
      return sendCode(c, request, userId, device);
    }
    if (!options.identityProvider) {
      return refuse(
        c,
        400,
        'No company sign-in here',
        'This Goal Lens backend has no identity provider set up. Ask your admin for an invitation link.',
      );
    }
    const checks = await rememberSignIn(db, request, device, now());
    c.header('Cache-Control', 'no-store');
    return c.redirect(
      (await options.identityProvider.authorizationUrl(checks, callbackUrl(c))).toString(),
      302,
    );
  });

  app.get('/callback', SIGN_IN_DOCS.callback, async (c) => {
    const idp = options.identityProvider;
    const state = c.req.query('state');
    const pending = idp && state ? await takeSignIn(db, state, now()) : null;
    if (!idp || !pending) {
      return refuse(
        c,
        400,
        'This sign-in is no longer valid',
        'It expired, was finished already, or did not start here. Start again from Goal Lens.',
      );
    }
    const error = c.req.query('error');
    if (error !== undefined) {
      return refuse(
        c,
        403,
        'Your identity provider refused the sign-in',
        c.req.query('error_description') ?? error,
      );
    }
    const current = new URL(callbackUrl(c));
    current.search = new URL(c.req.url).search;
    let identity: Awaited<ReturnType<IdentityProvider['finish']>>;
    try {
      identity = await idp.finish(current, pending.checks);
    } catch (cause) {
      return refuse(
        c,
        400,
        'The sign-in could not be verified',
        'The identity provider’s answer did not check out. Start again from Goal Lens.',
        cause instanceof Error ? cause.message : undefined,
      );
    }
    if (!identity.email || !identity.emailVerified) {
      return refuse(
        c,
        403,
        'Your email address is not verified',
        'Goal Lens matches people by a verified email address, and your identity provider did not confirm one. Ask your admin.',
      );
    }
    const user = await activeUserByEmail(db, identity.email);
    if (!user) {
      return refuse(
        c,
        403,
        'No Goal Lens account for you yet',
        `You signed in as ${identity.email}, but Goal Lens has no active user with that email. Ask your admin to add you.`,
      );
    }
    return sendCode(c, pending.request, user.id, pending.deviceName);
  });

  app.post('/token', SIGN_IN_DOCS.token, async (c) => {
    const body = await readTokenRequest(c);
    let issued: TokenResponse | undefined;
    await redeemCode(
      db,
      { code: body.code, verifier: body.code_verifier, redirectUri: body.redirect_uri },
      now(),
      async (grant) => {
        const user = await activeUserById(db, grant.userId);
        const { session, token } = await createSession(db, grant.userId, grant.deviceName);
        issued = { access_token: token, token_type: 'Bearer', session_id: session.id, user };
        return session.id;
      },
    );
    c.header('Cache-Control', 'no-store');
    return c.json(issued);
  });

  // Opening the link does not spend it: only the sign-in that presents it from the extension does.
  app.get('/invite/:secret', SIGN_IN_DOCS.invite, (c) => {
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(invitationPage());
  });

  app.get(TAB_RETURN_PATH.slice('/auth'.length), SIGN_IN_DOCS.done, (c) => {
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(tabReturnPage());
  });

  return app;
}
