import type { User } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import { ApiHttpError } from '../http/errors.ts';
import { scopeKey, visibleAudiences } from './audience.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { FEED_META_COLUMNS, toFeedMeta } from './meta.ts';
import { readerDataSql } from './shape.ts';

/** One part of a page, beside what the page was read against (every row carries the same meta). */
interface PageRow {
  head: string | number;
  epoch: string | null;
  horizon: string | null;
  changes: string | null;
  last_seq: string | number | null;
  more: boolean | null;
}

/**
 * Changes per row of the page's answer from the database. A page comes back as several rows of JSON
 * text instead of one: the driver decodes each row as it arrives, and the response writes each in
 * turn (see changesResponseBody), so a large page never holds the event loop for one multi-megabyte
 * string at once. Not one row per change: embedded PGlite hands each row over to this thread one by
 * one, which cost more than the page's read.
 */
export const CHANGES_PER_PART = 250;

/**
 * One page of the feed as the response body's JSON text, not as objects: Postgres renders each stored
 * record straight into the array, where parsing every row into JavaScript and serialising it again
 * cost more than reading it (most of a first sync's server time on embedded PGlite).
 */
export interface ChangesPage {
  /** The array's elements in order, up to CHANGES_PER_PART per part, each part comma-separated JSON. */
  parts: string[];
  cursor: string;
  hasMore: boolean;
}

/** One page of the changes `user` may see after `cursorText` (from the beginning when absent). */
export async function readChanges(
  db: Db,
  user: Pick<User, 'id' | 'role' | 'teamId'>,
  cursorText: string | undefined,
  limit: number,
): Promise<ChangesPage> {
  const audiences = visibleAudiences(user);
  const scope = scopeKey(audiences);
  const cursor = cursorText === undefined ? undefined : decodeCursor(cursorText);
  if (cursor === null) throw new ApiHttpError(400, 'invalid_cursor', 'The cursor is malformed.');
  const after = cursor?.seq ?? 0;

  // One more row than the page holds tells whether more follows, without a second look at the feed:
  // it is numbered but left out of the parts.
  const params: unknown[] = [after, limit + 1];
  if (audiences !== null) params.push(audiences);
  const visible = audiences === null ? '' : 'AND audience = ANY($3)';
  const data = readerDataSql(user, audiences, params.length + 1);
  params.push(...data.params);
  // The head and the feed's epoch and tombstone horizon are read in the same statement as the page, so
  // all come from one snapshot: a row committed between two statements could otherwise fall below a
  // cursor we hand out, and a prune that removed tombstones the page lacks always shows in the horizon
  // checked below. The page is numbered in the seq index's order, so only its parts are sorted.
  const rows = await db.query<PageRow>(
    `SELECT feed.head, feed.epoch, feed.horizon, parts.changes, parts.last_seq, parts.more
     FROM (
       SELECT (SELECT COALESCE(max(seq), 0) FROM changes) AS head, ${FEED_META_COLUMNS}
     ) feed LEFT JOIN LATERAL (
       SELECT part,
         string_agg(
           CASE WHEN op = 'put'
             THEN json_build_object('type', type, 'op', op, 'id', entity_id, 'data', ${data.sql})
             ELSE json_build_object('type', type, 'op', op, 'id', entity_id)
           END::text,
           ',' ORDER BY seq
         ) FILTER (WHERE n < $2) AS changes,
         max(seq) FILTER (WHERE n < $2) AS last_seq,
         bool_or(n = $2) AS more
       FROM (
         SELECT seq, type, entity_id, op, data, n, (n - 1) / ${CHANGES_PER_PART} AS part
         FROM (
           SELECT next.*, row_number() OVER (ORDER BY seq) AS n
           FROM (SELECT seq, type, entity_id, op, data FROM changes WHERE seq > $1 ${visible} ORDER BY seq LIMIT $2) next
         ) numbered
       ) page
       GROUP BY part
     ) parts ON true
     ORDER BY parts.part`,
    params,
  );
  const meta = toFeedMeta(rows[0]);
  if (cursor !== undefined && cursor.epoch !== meta.epoch) {
    throw expired('The cursor belongs to another database.');
  }
  if (cursor !== undefined && cursor.scope !== scope) {
    throw expired('Your team or role changed since this cursor was issued.');
  }

  // A fresh scan starts at the horizon it was read against. A prune that removed a tombstone past
  // the holder's cursor raised the horizon above the one the cursor carries: resync.
  const current = meta.tombstoneHorizon;
  const horizon = cursor?.horizon ?? current;
  if (current > horizon && after < current) {
    throw expired('Changes after this cursor were pruned; resync from scratch.');
  }

  const hasMore = rows.some((row) => row.more === true);
  // On the last page the cursor jumps to the head, past rows this user cannot see, so a quiet
  // client's cursor keeps up with the feed instead of drifting below the tombstone horizon.
  const seq = hasMore
    ? Math.max(...rows.map((row) => Number(row.last_seq ?? 0)))
    : Math.max(after, Number(rows[0]?.head ?? 0));
  const parts = rows.flatMap((row) => (row.changes === null ? [] : [row.changes]));

  return {
    parts,
    // Past the check, every pruned tombstone was either seen by the holder or removed nothing they hold.
    cursor: encodeCursor({ epoch: meta.epoch, seq, scope, horizon: current }),
    hasMore,
  };
}

function expired(message: string): ApiHttpError {
  return new ApiHttpError(410, 'cursor_expired', message);
}
