import { randomBytes } from 'node:crypto';
import { type User, User as UserSchema } from '../../lib/schemas/index.ts';
import { hashToken } from '../auth/tokens.ts';
import type { Db } from '../db/types.ts';

/** Long enough to open a socket right after asking, short enough that a leaked URL is useless. */
export const TICKET_SECONDS = 30;

/** Issues a ticket standing for the bearer token whose hash is `tokenHash`. */
export async function issueTicket(db: Db, tokenHash: string): Promise<string> {
  const ticket = `glt_${randomBytes(32).toString('base64url')}`;
  await db.query('DELETE FROM live_tickets WHERE expires_at < now()');
  await db.query(
    `INSERT INTO live_tickets (hash, token_hash, expires_at)
     VALUES ($1, $2, now() + make_interval(secs => $3))`,
    [hashToken(ticket), tokenHash, TICKET_SECONDS],
  );
  return ticket;
}

/** Takes a ticket (once), returning the token hash it stands for, or null when unknown, used or expired. */
export async function takeTicket(db: Db, ticket: string): Promise<string | null> {
  const [row] = await db.query<{ token_hash: string }>(
    'DELETE FROM live_tickets WHERE hash = $1 AND expires_at >= now() RETURNING token_hash',
    [hashToken(ticket)],
  );
  return row?.token_hash ?? null;
}

/**
 * The users that these token hashes (API tokens or device sessions) still sign in, by hash: a revoked
 * session, a deleted token or a deactivated user is missing from the answer.
 */
export async function usersForTokenHashes(db: Db, hashes: readonly string[]): Promise<Map<string, User>> {
  if (hashes.length === 0) return new Map();
  const rows = await db.query<{ hash: string; data: unknown }>(
    `SELECT c.hash, u.data FROM (
       SELECT hash, user_id FROM api_tokens WHERE hash = ANY($1::text[])
       UNION ALL
       SELECT hash, user_id FROM device_sessions WHERE hash = ANY($1::text[]) AND revoked_at IS NULL
     ) c JOIN users u ON u.id = c.user_id AND u.deactivated_at IS NULL`,
    [hashes],
  );
  return new Map(rows.map((row) => [row.hash, UserSchema.parse(row.data)]));
}
