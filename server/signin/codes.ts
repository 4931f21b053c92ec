import { randomBytes } from 'node:crypto';
import { hashToken } from '../auth/tokens.ts';
import type { Db } from '../db/types.ts';
import { ApiHttpError } from '../http/errors.ts';
import { revokeSession } from '../sessions/sessions.ts';
import { verifierMatches } from './pkce.ts';

/** A code lives long enough to be exchanged by the extension right away, and no longer. */
const CODE_TTL_MS = 60_000;

interface CodeGrant {
  userId: string;
  codeChallenge: string;
  redirectUri: string;
  deviceName: string;
}

/** A one-time code for the redirect back to the extension; only its hash is stored. */
export async function issueCode(db: Db, grant: CodeGrant, now: number): Promise<string> {
  const code = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO sign_in_codes (hash, user_id, code_challenge, redirect_uri, device_name, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      hashToken(code),
      grant.userId,
      grant.codeChallenge,
      grant.redirectUri,
      grant.deviceName,
      new Date(now + CODE_TTL_MS),
    ],
  );
  return code;
}

function invalidGrant(message: string): ApiHttpError {
  return new ApiHttpError(400, 'invalid_grant', message);
}

interface CodeRow {
  user_id: string;
  code_challenge: string;
  redirect_uri: string;
  device_name: string;
  expires_at: Date | string;
  session_id: string | null;
}

/**
 * Spends the code (whatever happens next, it never works again) and checks it. A code presented a
 * second time means it leaked, so the session it was exchanged for is revoked too (RFC 6749 §4.1.2).
 */
export async function redeemCode(
  db: Db,
  presented: { code: string; verifier: string; redirectUri: string },
  now: number,
  exchange: (grant: CodeGrant) => Promise<string>,
): Promise<void> {
  const hash = hashToken(presented.code);
  const [row] = await db.query<CodeRow>(
    `UPDATE sign_in_codes SET used_at = $2 WHERE hash = $1 AND used_at IS NULL
     RETURNING user_id, code_challenge, redirect_uri, device_name, expires_at, session_id`,
    [hash, new Date(now)],
  );
  if (!row) {
    const [spent] = await db.query<{ session_id: string | null }>(
      'SELECT session_id FROM sign_in_codes WHERE hash = $1',
      [hash],
    );
    if (spent?.session_id) await revokeSession(db, spent.session_id);
    throw invalidGrant(
      spent ? 'This sign-in code was already used. Sign in again.' : 'Unknown sign-in code.',
    );
  }
  if (new Date(row.expires_at).getTime() <= now)
    throw invalidGrant('The sign-in code expired. Sign in again.');
  if (row.redirect_uri !== presented.redirectUri) {
    throw invalidGrant('redirect_uri differs from the one the sign-in started with.');
  }
  if (!verifierMatches(presented.verifier, row.code_challenge)) {
    throw invalidGrant('code_verifier does not match the code_challenge the sign-in started with.');
  }
  const sessionId = await exchange({
    userId: row.user_id,
    codeChallenge: row.code_challenge,
    redirectUri: row.redirect_uri,
    deviceName: row.device_name,
  });
  await db.query('UPDATE sign_in_codes SET session_id = $2 WHERE hash = $1', [hash, sessionId]);
}
