import type { ChangesResponse, EntityType, User } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import { ApiHttpError } from '../http/errors.ts';
import { scopeKey, visibleAudiences } from './audience.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { readFeedMeta } from './meta.ts';

interface PageRow {
  head: string | number;
  seq: string | number | null;
  type: EntityType | null;
  entity_id: string | null;
  op: 'put' | 'delete' | null;
  data: unknown;
}

/** One page of the changes `user` may see after `cursorText` (from the beginning when absent). */
export async function readChanges(
  db: Db,
  user: Pick<User, 'role' | 'teamId'>,
  cursorText: string | undefined,
  limit: number,
): Promise<ChangesResponse> {
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

  const params: unknown[] = [after, limit + 1];
  if (audiences !== null) params.push(audiences);
  // The head is read in the same statement as the page, so both come from one snapshot: a row
  // committed between two statements could otherwise fall below a cursor we hand out.
  const rows = await db.query<PageRow>(
    `WITH head AS (SELECT COALESCE(max(seq), 0) AS seq FROM changes)
     SELECT head.seq AS head, page.seq, page.type, page.entity_id, page.op, page.data
     FROM head LEFT JOIN LATERAL (
       SELECT seq, type, entity_id, op, data FROM changes
       WHERE seq > $1 ${audiences === null ? '' : 'AND audience = ANY($3)'}
       ORDER BY seq LIMIT $2
     ) page ON true
     ORDER BY page.seq`,
    params,
  );

  // Checked after the read: a prune committing in between raises the horizon and is caught here,
  // whereas checking first could let a page silently miss the tombstones that prune removed. A fresh
  // scan takes the horizon of its start, so a prune during its later pages is caught too.
  const current = (await readFeedMeta(db)).tombstoneHorizon;
  if (current > horizon && after < current) {
    throw expired('Changes after this cursor were pruned; resync from scratch.');
  }

  const page = rows.filter((row) => row.seq !== null);
  const hasMore = page.length > limit;
  if (hasMore) page.length = limit;
  const head = Number(rows[0]?.head ?? 0);
  // On the last page the cursor jumps to the head, past rows this user cannot see, so a quiet
  // client's cursor keeps up with the feed instead of drifting below the tombstone horizon.
  const last = page.at(-1);
  const seq = hasMore && last ? Number(last.seq) : Math.max(after, head);

  return {
    changes: page.map((row) =>
      row.op === 'put'
        ? { type: row.type as EntityType, op: 'put', id: row.entity_id as string, data: row.data }
        : { type: row.type as EntityType, op: 'delete', id: row.entity_id as string },
    ),
    // Past the check, every pruned tombstone was either seen by the holder or removed nothing they hold.
    cursor: encodeCursor({ epoch: meta.epoch, seq, scope, horizon: current }),
    hasMore,
  };
}

function expired(message: string): ApiHttpError {
  return new ApiHttpError(410, 'cursor_expired', message);
}
