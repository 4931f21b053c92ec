import { z } from 'zod';
import { Id, Timestamp, User } from './entities.ts';
import { text } from './text.ts';

/** One signed-in device, as its owner and admins see it; never the token. */
export const DeviceSession = z.object({
  id: Id,
  userId: Id,
  /** "Chrome on macOS" */
  name: text(100).min(1),
  createdAt: Timestamp,
  lastUsedAt: Timestamp,
  /** The session that made this request. */
  current: z.boolean(),
});
export type DeviceSession = z.infer<typeof DeviceSession>;

export const SessionsResponse = z.object({ sessions: z.array(DeviceSession) });
export type SessionsResponse = z.infer<typeof SessionsResponse>;

/** RFC 7636 verifier: 43–128 unreserved characters. */
const CodeVerifier = z
  .string()
  .regex(/^[A-Za-z0-9._~-]{43,128}$/, 'must be 43–128 characters of A–Z a–z 0–9 . _ ~ -');

/** What `POST /auth/token` takes: the one-time code, the PKCE verifier and the same redirect URI. */
export const TokenRequest = z.object({
  grant_type: z.literal('authorization_code'),
  code: z.string().min(1).max(200),
  code_verifier: CodeVerifier,
  redirect_uri: z.string().min(1).max(2000),
});
export type TokenRequest = z.infer<typeof TokenRequest>;

export const TokenResponse = z.object({
  access_token: z.string().min(1).max(200),
  token_type: z.literal('Bearer'),
  session_id: Id,
  user: User,
});
export type TokenResponse = z.infer<typeof TokenResponse>;

/** What `POST /v1/sessions/current/rotate` answers: the same session under a new token. */
export const RotatedSession = z.object({ access_token: z.string().min(1).max(200), session_id: Id });
export type RotatedSession = z.infer<typeof RotatedSession>;

/** `POST /v1/admin/invitations`: a one-time sign-in link for someone who is already a user. */
export const InvitationRequest = z.object({ email: User.shape.email });
export type InvitationRequest = z.infer<typeof InvitationRequest>;
export const InvitationResponse = z.object({ url: z.url(), expiresAt: Timestamp });
export type InvitationResponse = z.infer<typeof InvitationResponse>;
