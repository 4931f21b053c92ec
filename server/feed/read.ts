import type { User } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import { ApiHttpError } from '../http/errors.ts';
import { scopeKey, visibleAudiences } from './audience.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { readFeedMeta } from './meta.ts';
import { readerDataSql } from './shape.ts';

interface PageRow {
  head: string | number;
  last_seq: string | number | null;
  changes: string | null;
  more: boolean;
}

/**
 * Changes per row of the page's answer from the database. A page comes back as several rows of JSON
 * text instead of one: the driver decodes each row as it arrives, and the response writes each in
 * turn (see changesResponseBody), so a large page never holds the event loop for one multi-megabyte
 * string at once.
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
  const meta = await readFeedMeta(db);
  const audiences = visibleAudiences(user);
  const scope = scopeKey(audiences);
  let after = 0;
  let horizon = meta.tombstoneHorizon;
  if (cursorText !== undefined) {
    const cursor = decodeCursor(cursorText);
    if (cursor === null) throw new ApiHttpError(400, 'invalid_cursor', 'The cursor is malformed.');
    if (cursor.epoch !== meta.epoch) throw expired('The cursor belongs to another database.');
    if (cursor.scope !== scope) throw expired('Your team or role changed since this cursor was issued.');
    after = cursor.seq;
    horizon = cursor.horizon;
  }

  const params: unknown[] = [after, limit];
  if (audiences !== null) params.push(audiences);
  const visible = audiences === null ? '' : 'AND audience = ANY($3)';
  const data = readerDataSql(user, audiences, params.length + 1);
  params.push(...data.params);
  // The head is read in the same statement as the page, so both come from one snapshot: a row
  // committed between two statements could otherwise fall below a cursor we hand out. Whether more
  // follows is a scalar subquery, not EXISTS: Postgres drops ORDER BY and LIMIT inside EXISTS and
  // may then scan the whole table on the last page instead of one step along the seq index.
  const rows = await db.query<PageRow>(
    `WITH next AS (
       SELECT seq, type, entity_id, op, data FROM changes
       WHERE seq > $1 ${visible}
       ORDER BY seq LIMIT $2
     ), page AS (
       SELECT (SELECT COALESCE(max(seq), 0) FROM changes) AS head, (SELECT max(seq) FROM next) AS last_seq
     )
     SELECT page.head, page.last_seq, parts.changes,
       (SELECT seq FROM changes WHERE seq > page.last_seq ${visible} ORDER BY seq LIMIT 1) IS NOT NULL AS more
     FROM page LEFT JOIN LATERAL (
       SELECT part, string_agg(
           CASE WHEN op = 'put'
             THEN json_build_object('type', type, 'op', op, 'id', entity_id, 'data', ${data.sql})
             ELSE json_build_object('type', type, 'op', op, 'id', entity_id)
           END::text,
           ',' ORDER BY seq
         ) AS changes
       FROM (
         SELECT seq, type, entity_id, op, data,
           (row_number() OVER (ORDER BY seq) - 1) / ${CHANGES_PER_PART} AS part
         FROM next
       ) numbered
       GROUP BY part
     ) parts ON true
     ORDER BY parts.part`,
    params,
  );
  const [row] = rows;

  // Checked after the read: a prune committing in between raises the horizon and is caught here,
  // whereas checking first could let a page silently miss the tombstones that prune removed. A fresh
  // scan takes the horizon of its start, so a prune during its later pages is caught too.
  const current = (await readFeedMeta(db)).tombstoneHorizon;
  if (current > horizon && after < current) {
    throw expired('Changes after this cursor were pruned; resync from scratch.');
  }

  const hasMore = row?.more === true;
  const head = Number(row?.head ?? 0);
  // On the last page the cursor jumps to the head, past rows this user cannot see, so a quiet
  // client's cursor keeps up with the feed instead of drifting below the tombstone horizon.
  const seq = hasMore ? Number(row?.last_seq) : Math.max(after, head);

  return {
    parts: rows.flatMap((r) => (r.changes === null ? [] : [r.changes])),
    // Past the check, every pruned tombstone was either seen by the holder or removed nothing they hold.
    cursor: encodeCursor({ epoch: meta.epoch, seq, scope, horizon: current }),
    hasMore,
  };
}

function expired(message: string): ApiHttpError {
  return new ApiHttpError(410, 'cursor_expired', message);
}
