import type { Db } from '../db/types.ts';

/** The Postgres channel every feed writer notifies, and every instance's live hub listens on. */
export const FEED_CHANNEL = 'goal_lens_feed';

/**
 * NOTIFY payloads are capped at 8000 bytes by Postgres. A write reaching more audiences than fit
 * (a big import across many teams) says "everyone" instead: a spare poke costs one empty delta sync.
 */
const MAX_PAYLOAD = 7_000;

/** What a feed write tells every instance: the new head, and whose feed moved (null: anyone's). */
export interface FeedMoved {
  head: number;
  audiences: string[] | null;
}

/** The feed's head before a write: the write's own rows are those above it. */
export async function feedHead(tx: Db): Promise<number> {
  const [row] = await tx.query<{ head: string | number }>(
    'SELECT COALESCE(max(seq), 0) AS head FROM changes',
  );
  return Number(row?.head ?? 0);
}

/**
 * Queues a notification of the rows written since `before`, when there are any. Postgres delivers it
 * only if and when the transaction commits, so nobody is poked about a change that was rolled back.
 */
export async function notifyFeedMoved(tx: Db, before: number): Promise<void> {
  const [row] = await tx.query<{ head: string | number | null; audiences: string[] | null }>(
    'SELECT max(seq) AS head, array_agg(DISTINCT audience) AS audiences FROM changes WHERE seq > $1',
    [before],
  );
  if (row?.head === null || row?.head === undefined) return;
  const moved: FeedMoved = { head: Number(row.head), audiences: row.audiences ?? null };
  let payload = JSON.stringify(moved);
  if (payload.length > MAX_PAYLOAD) payload = JSON.stringify({ head: moved.head, audiences: null });
  await tx.query('SELECT pg_notify($1, $2)', [FEED_CHANNEL, payload]);
}

/** Reads a payload from the channel; anything malformed counts as "anyone's feed moved". */
export function parseFeedMoved(payload: string): FeedMoved {
  try {
    const value = JSON.parse(payload) as Partial<FeedMoved>;
    const head = typeof value.head === 'number' && Number.isFinite(value.head) ? value.head : 0;
    const audiences =
      Array.isArray(value.audiences) && value.audiences.every((a) => typeof a === 'string')
        ? value.audiences
        : null;
    return { head, audiences };
  } catch {
    return { head: 0, audiences: null };
  }
}
