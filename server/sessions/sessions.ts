import { randomBytes, randomUUID } from 'node:crypto';
import { type User, User as UserSchema } from '../../lib/schemas/index.ts';
import { hashToken } from '../auth/tokens.ts';
import type { Db } from '../db/types.ts';

/** Told apart from API tokens (glk_) at a glance, by people and by secret scanners. */
const SESSION_PREFIX = 'gls_';

interface DeviceSession {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string;
}

interface SessionRow {
  id: string;
  user_id: string;
  name: string;
  created_at: Date | string;
  last_used_at: Date | string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

function toSession(row: SessionRow): DeviceSession {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: iso(row.created_at),
    lastUsedAt: iso(row.last_used_at),
  };
}

/** A new session for one device; the token is returned once and only its hash is kept. */
export async function createSession(
  db: Db,
  userId: string,
  name: string,
): Promise<{ session: DeviceSession; token: string }> {
  const token = SESSION_PREFIX + randomBytes(32).toString('base64url');
  const [row] = await db.query<SessionRow>(
    `INSERT INTO device_sessions (id, hash, user_id, name) VALUES ($1, $2, $3, $4)
     RETURNING id, user_id, name, created_at, last_used_at`,
    [randomUUID(), hashToken(token), userId, name],
  );
  if (!row) throw new Error('the session was not stored');
  return { session: toSession(row), token };
}

/** How long the token a rotation replaced still works: enough for requests already in flight. */
export const ROTATION_GRACE_MS = 2 * 60_000;

/**
 * Gives the session a new token and returns it once; the old one keeps working for the grace and then
 * never again. Only the hashes are stored. Null when the session is revoked.
 */
export async function rotateSession(db: Db, id: string, now: number): Promise<string | null> {
  const token = SESSION_PREFIX + randomBytes(32).toString('base64url');
  const rows = await db.query(
    `UPDATE device_sessions
        SET previous_hash = hash, previous_valid_until = $3, hash = $2, rotated_at = $4
      WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
    [id, hashToken(token), new Date(now + ROTATION_GRACE_MS), new Date(now)],
  );
  return rows.length > 0 ? token : null;
}

/** Whether a presented bearer value is shaped like a session token (else it is an API token). */
export function isSessionToken(token: string): boolean {
  return token.startsWith(SESSION_PREFIX);
}

/** The active user behind a live session token, or null; records when the device was last seen. */
export async function userForSession(
  db: Db,
  token: string,
  now: number = Date.now(),
): Promise<{ user: User; sessionId: string } | null> {
  const hash = hashToken(token);
  const [row] = await db.query<{ id: string; data: unknown }>(
    `UPDATE device_sessions s SET last_used_at = now()
       FROM users u
      WHERE (s.hash = $1 OR (s.previous_hash = $1 AND s.previous_valid_until > $2))
        AND s.revoked_at IS NULL AND u.id = s.user_id AND u.deactivated_at IS NULL
      RETURNING s.id, u.data`,
    [hash, new Date(now)],
  );
  return row ? { user: UserSchema.parse(row.data), sessionId: row.id } : null;
}

/** Live sessions, newest first: one user's, or everyone's when userId is undefined. */
export async function listSessions(db: Db, userId?: string): Promise<DeviceSession[]> {
  const rows = await db.query<SessionRow>(
    `SELECT id, user_id, name, created_at, last_used_at FROM device_sessions
      WHERE revoked_at IS NULL AND ($1::text IS NULL OR user_id = $1)
      ORDER BY created_at DESC, id`,
    [userId ?? null],
  );
  return rows.map(toSession);
}

/** The live session with this id, or null. */
export async function findSession(db: Db, id: string): Promise<DeviceSession | null> {
  const [row] = await db.query<SessionRow>(
    `SELECT id, user_id, name, created_at, last_used_at FROM device_sessions
      WHERE id = $1 AND revoked_at IS NULL`,
    [id],
  );
  return row ? toSession(row) : null;
}

export async function revokeSession(db: Db, id: string): Promise<boolean> {
  const rows = await db.query(
    'UPDATE device_sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [id],
  );
  return rows.length > 0;
}

/** Signs a person out everywhere; returns how many sessions ended. */
export async function revokeUserSessions(db: Db, userId: string): Promise<number> {
  const rows = await db.query(
    'UPDATE device_sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id',
    [userId],
  );
  return rows.length;
}
