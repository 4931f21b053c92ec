import type { Db } from '../db/types.ts';

/** One constant for every writer of the change feed. */
const FEED_LOCK = 7_246_000;

/**
 * Runs `fn` as a feed-writing transaction. Writers are serialised by a transaction-scoped advisory
 * lock taken before any seq is drawn, so seqs become visible in the order they were drawn: a reader
 * that has seen seq N can never later meet a smaller seq committed by a slower transaction (which
 * would otherwise be skipped forever, since the reader's cursor is already past it).
 */
export function writeTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
    return fn(tx);
  });
}
