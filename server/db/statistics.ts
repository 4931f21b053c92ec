import type { Db } from './types.ts';

/** The tables the feed and the lookups read, which a bulk write can fill with thousands of rows. */
const FEED_TABLES = ['changes', 'accounts', 'metrics', 'key_results', 'users'];

/** Fewer rows than this leave the planner's estimates close enough; more can turn its plans around. */
export const BULK_WRITE_ROWS = 1000;

/**
 * The planner's row estimates come from statistics, which a bulk load leaves stale (or absent, on a
 * fresh database) until autovacuum samples the tables, and PGlite has no autovacuum at all. Without
 * them a CSM's feed page was planned as a scan of every team's rows plus a sort, ten times the work
 * of walking the seq index, for the first minutes after a load, under load.
 */
export async function refreshStatisticsAfter(db: Db, rowsWritten: number): Promise<void> {
  if (rowsWritten >= BULK_WRITE_ROWS) await db.query(`ANALYZE ${FEED_TABLES.join(', ')}`);
}
