import type { Db } from '../db/types.ts';
import { feedHead, notifyFeedMoved } from '../live/feed-notify.ts';

/** One constant for every writer of the change feed. */
const FEED_LOCK = 7_246_000;

/** Transactions already holding the feed lock: a nested writer joins them instead of locking again. */
const writing = new WeakSet<Db>();

/**
 * Runs `fn` as a feed-writing transaction. Writers are serialised by a transaction-scoped advisory
 * lock taken before any seq is drawn, so seqs become visible in the order they were drawn: a reader
 * that has seen seq N can never later meet a smaller seq committed by a slower transaction (which
 * would otherwise be skipped forever, since the reader's cursor is already past it).
 *
 * On commit, every backend instance listening on the feed channel hears that the feed moved, and
 * whose (see notifyFeedMoved), to poke its live clients.
 */
export function writeTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    if (writing.has(tx)) return fn(tx);
    await tx.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
    writing.add(tx);
    try {
      const before = await feedHead(tx);
      const result = await fn(tx);
      await notifyFeedMoved(tx, before);
      return result;
    } finally {
      writing.delete(tx);
    }
  });
}
