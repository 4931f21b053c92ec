import { describeRoute } from 'hono-openapi';
import { TokenRequest, TokenResponse } from '../../lib/schemas/index.ts';
import { errorResponses, jsonContent } from '../http/openapi.ts';

const HTML_PAGE = { 'text/html': { schema: { type: 'string' as const } } };
const REFUSED = { description: 'A page that says in plain words why sign-in stopped', content: HTML_PAGE };
const query = (name: string, required = true) => ({
  name,
  in: 'query' as const,
  required,
  schema: { type: 'string' as const },
});

/** The browser-facing sign-in routes (SPEC section 10), described for the OpenAPI document. */
export const SIGN_IN_DOCS = {
  authorize: describeRoute({
    tags: ['Sign-in'],
    summary: 'Start signing a browser in (authorization code with PKCE S256 and state)',
    parameters: [
      query('response_type', false),
      query('redirect_uri'),
      query('state'),
      query('code_challenge'),
      query('code_challenge_method'),
      query('invitation', false),
      query('device_name', false),
    ],
    responses: {
      302: {
        description:
          "To the identity provider, or with an invitation straight to the extension's redirect URI with a one-time code",
      },
      400: REFUSED,
      ...errorResponses(429),
    },
  }),
  callback: describeRoute({
    tags: ['Sign-in'],
    summary: "The identity provider's answer; redirects to the extension with a one-time code",
    parameters: [query('state'), query('code', false), query('error', false)],
    responses: {
      302: { description: "To the extension's redirect URI with a one-time code (valid 60 s, once)" },
      400: REFUSED,
      403: REFUSED,
      ...errorResponses(429),
    },
  }),
  token: describeRoute({
    tags: ['Sign-in'],
    summary: 'Exchange the one-time code and PKCE verifier for a device session',
    requestBody: { required: true, content: jsonContent(TokenRequest) },
    responses: {
      200: { description: 'A device session token, shown once', content: jsonContent(TokenResponse) },
      ...errorResponses(400, 429),
    },
  }),
  invite: describeRoute({
    tags: ['Sign-in'],
    summary: 'An invitation link: a page saying how to sign in with it (opening it does not spend it)',
    parameters: [{ name: 'secret', in: 'path', required: true, schema: { type: 'string' } }],
    responses: { 200: { description: 'The page', content: HTML_PAGE }, ...errorResponses(429) },
  }),
  done: describeRoute({
    tags: ['Sign-in'],
    summary:
      'Where a sign-in in a normal tab ends: the one-time code and state are in the fragment, for Goal Lens in this browser',
    responses: { 200: { description: 'The page', content: HTML_PAGE }, ...errorResponses(429) },
  }),
};
