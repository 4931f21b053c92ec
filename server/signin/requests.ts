import { randomBytes } from 'node:crypto';
import { hashToken } from '../auth/tokens.ts';
import type { Db } from '../db/types.ts';
import type { AuthorizeRequest } from './authorize-request.ts';
import type { IdpChecks } from './identity-provider.ts';

/** Long enough to type a password and answer a second factor at the identity provider. */
const REQUEST_TTL_MS = 10 * 60_000;

interface PendingSignIn {
  request: AuthorizeRequest;
  deviceName: string;
  checks: IdpChecks;
}

const secret = () => randomBytes(32).toString('base64url');

/** Remembers what the extension asked for while the person is at the identity provider. */
export async function rememberSignIn(
  db: Db,
  request: AuthorizeRequest,
  deviceName: string,
  now: number,
): Promise<IdpChecks> {
  const checks: IdpChecks = { state: secret(), nonce: secret(), codeVerifier: secret() };
  await db.query(
    `INSERT INTO sign_in_requests
       (state_hash, code_challenge, redirect_uri, client_state, device_name, nonce, code_verifier, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      hashToken(checks.state),
      request.codeChallenge,
      request.redirectUri,
      request.state,
      deviceName,
      checks.nonce,
      checks.codeVerifier,
      new Date(now + REQUEST_TTL_MS),
    ],
  );
  // Expired ones are dropped as new ones arrive, so the table stays small without a job.
  await db.query('DELETE FROM sign_in_requests WHERE expires_at <= $1', [new Date(now)]);
  return checks;
}

/** Takes the pending sign-in back (once) by the state the identity provider returned. */
export async function takeSignIn(db: Db, state: string, now: number): Promise<PendingSignIn | null> {
  const [row] = await db.query<{
    code_challenge: string;
    redirect_uri: string;
    client_state: string;
    device_name: string;
    nonce: string;
    code_verifier: string;
  }>(
    `DELETE FROM sign_in_requests WHERE state_hash = $1 AND expires_at > $2
     RETURNING code_challenge, redirect_uri, client_state, device_name, nonce, code_verifier`,
    [hashToken(state), new Date(now)],
  );
  if (!row) return null;
  return {
    request: { redirectUri: row.redirect_uri, codeChallenge: row.code_challenge, state: row.client_state },
    deviceName: row.device_name,
    checks: { state, nonce: row.nonce, codeVerifier: row.code_verifier },
  };
}
