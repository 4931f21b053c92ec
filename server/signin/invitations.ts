import { randomBytes } from 'node:crypto';
import { hashToken, UnknownUserError } from '../auth/tokens.ts';
import type { Db } from '../db/types.ts';

export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

/** A one-time invitation for the user with this email; the secret is returned once, only its hash kept. */
export async function createInvitation(db: Db, email: string, now: number = Date.now()): Promise<string> {
  const [user] = await db.query<{ id: string }>(
    'SELECT id FROM users WHERE lower(email) = lower($1) AND deactivated_at IS NULL',
    [email.trim()],
  );
  if (!user) throw new UnknownUserError(email);
  const secret = randomBytes(32).toString('base64url');
  await db.query('INSERT INTO invitations (hash, user_id, expires_at) VALUES ($1, $2, $3)', [
    hashToken(secret),
    user.id,
    new Date(now + INVITATION_TTL_MS),
  ]);
  return secret;
}

/** The link a person opens in the browser that has Goal Lens. */
export function invitationLink(publicUrl: string, secret: string): string {
  return new URL(`/auth/invite/${secret}`, publicUrl).toString();
}

/** Spends an invitation: the user it signs in, or null when unknown, used, expired or deactivated. */
export async function redeemInvitation(db: Db, secret: string, now: number): Promise<string | null> {
  const [row] = await db.query<{ user_id: string }>(
    `UPDATE invitations i SET used_at = $2 FROM users u
      WHERE i.hash = $1 AND i.used_at IS NULL AND i.expires_at > $2
        AND u.id = i.user_id AND u.deactivated_at IS NULL
      RETURNING i.user_id`,
    [hashToken(secret), new Date(now)],
  );
  return row?.user_id ?? null;
}
