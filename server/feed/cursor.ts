import { z } from 'zod';

/**
 * The cursor is opaque to clients but carries the database's epoch, so a cursor from another or a
 * recreated database is recognised instead of silently skipping or replaying changes.
 */
interface Cursor {
  epoch: string;
  seq: number;
  /** What the holder could see (see scopeKey); a change of team or role invalidates the cursor. */
  scope: string;
  /**
   * The tombstone horizon when the holder's view was last consistent. Only a prune after that moment
   * can have removed a tombstone the holder still needs; one before it removed nothing they hold.
   */
  horizon: number;
}

const CursorPayload = z.object({
  epoch: z.string().min(1).max(100),
  seq: z.number().int().min(0),
  scope: z.string().max(100),
  horizon: z.number().int().min(0),
});

export function encodeCursor(cursor: Cursor): string {
  const { epoch, seq, scope, horizon } = cursor;
  return Buffer.from(JSON.stringify({ epoch, seq, scope, horizon })).toString('base64url');
}

/** Returns null for anything this server could not have issued. */
export function decodeCursor(text: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const parsed = CursorPayload.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
