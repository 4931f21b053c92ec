import { type BackendClient, BackendError } from '../backend/client.ts';
import type { CacheDb } from '../cache/db.ts';
import { putKeyResults } from '../cache/key-results.ts';
import type { KeyResult } from '../schemas/entities.ts';
import { claimBatch, DEFAULT_MAX_BODY_BYTES, markRejected } from './claim.ts';
import type { OutboxRow } from './types.ts';

/** Answers about what was sent, not about the client: sent again, it is refused again. */
const REFUSED_OUTCOME = new Set([400, 404, 409, 413, 422]);
/** An undo may also be refused as not the user's to take back; the token itself is refused with 401. */
const REFUSED_UNDO = new Set([...REFUSED_OUTCOME, 403]);
/** A batch that failed this often before is sent one outcome at a time, to find the one it fails on. */
const ISOLATE_AFTER = 2;
/** Sent alone and failing this often while the backend takes other requests, an item is given up on. */
export const MAX_ATTEMPTS = 5;
/** Items failing alone one after another, with nothing delivered: the backend is down, not the items. */
const OUTAGE_AFTER = 3;

type Api = Pick<BackendClient, 'postOutcomes' | 'deleteOutcome' | 'me'>;

interface FlushOptions {
  /** The backend's body limit; batches are sized under it. */
  maxBodyBytes?: number;
}

interface FlushResult {
  /** Rows delivered, or settled for good (rejected, refused). */
  settled: number;
  /** Undos the backend refused: the outcome still counts, and the cache should be synced. */
  refusedUndos: number;
}

/** What a failed request says about the rows in it. */
function failureKind(error: unknown, refused: ReadonlySet<number>): 'refused' | 'transient' | 'stop' {
  if (!(error instanceof BackendError)) return 'stop';
  if (error.status && refused.has(error.status)) return 'refused';
  // Told to come back later (429, or 503 from a busy backend): no item is at fault.
  if (error.code === 'rate_limited') return 'stop';
  if (error.code === 'unreachable' || error.code === 'invalid_response' || (error.status ?? 0) >= 500)
    return 'transient';
  // A refused token, a request to slow down: only the user or time fixes those, for every row alike.
  return 'stop';
}

interface Failure {
  row: OutboxRow;
  error: unknown;
}

/** One flush's memory: whether the backend took anything, and what failed alone. */
class Flush {
  delivered = false;
  failures: Failure[] = [];
  private failedInARow = 0;
  settled = 0;
  refusedUndos = 0;

  constructor(
    readonly db: CacheDb,
    readonly api: Api,
  ) {}

  succeeded() {
    this.delivered = true;
    this.failedInARow = 0;
  }

  /** An item failed alone for a reason that may pass; an outage stops the flush at once. */
  failedAlone(row: OutboxRow, error: unknown) {
    this.failures.push({ row, error });
    this.failedInARow++;
    if (!this.delivered && this.failedInARow >= OUTAGE_AFTER) throw error;
  }
}

async function reject(flush: Flush, rows: readonly OutboxRow[], reason: string) {
  await flush.db.transaction('rw', flush.db.outbox, () =>
    markRejected(
      flush.db,
      rows.map((row) => ({ id: row.id, reason })),
    ),
  );
  flush.settled += rows.length;
}

async function sendBatch(flush: Flush, rows: OutboxRow[]): Promise<void> {
  const { db, api } = flush;
  let response: Awaited<ReturnType<Api['postOutcomes']>>;
  try {
    response = await api.postOutcomes(rows.map((row) => row.outcome));
  } catch (error) {
    const kind = failureKind(error, REFUSED_OUTCOME);
    if (kind === 'stop') throw error;
    if (rows.length === 1 && rows[0]) {
      if (kind === 'refused') await reject(flush, rows, (error as Error).message);
      else flush.failedAlone(rows[0], error);
      return;
    }
    // A refusal of the whole batch, or a failure that keeps coming back, is found by sending each alone,
    // so one bad outcome costs only itself. A first transient failure is more likely the network.
    if (kind === 'transient' && !rows.some((row) => row.attempts >= ISOLATE_AFTER)) throw error;
    for (const row of rows) await sendBatch(flush, [row]);
    return;
  }
  flush.succeeded();
  await db.transaction('rw', [db.outbox, db.keyResults, db.outcomes], async () => {
    await putKeyResults(db, response.keyResults);
    for (const result of response.results) {
      const row = await db.outbox.get(result.id);
      if (!row) continue;
      flush.settled++;
      // Taken back meanwhile and refused anyway: nothing counts, and there is nothing to report.
      if (result.status === 'rejected' && row.undo) await db.outbox.delete(row.id);
      else if (result.status === 'rejected')
        await db.outbox.put({ ...row, status: 'rejected', reason: result.reason });
      else if (row.undo) await db.outbox.put({ ...row, applied: true });
      else {
        await db.outbox.delete(row.id);
        await db.outcomes.put(row.outcome);
      }
    }
  });
}

async function sendUndo(flush: Flush, row: OutboxRow): Promise<void> {
  const { db, api } = flush;
  await db.outbox.update(row.id, { attempts: row.attempts + 1 });
  const tried = { ...row, attempts: row.attempts + 1 };
  let keyResults: KeyResult[];
  try {
    keyResults = (await api.deleteOutcome(row.id)).keyResults;
  } catch (error) {
    const kind = failureKind(error, REFUSED_UNDO);
    if (kind === 'stop') throw error;
    if (kind === 'refused') await refuseUndo(flush, tried, (error as Error).message);
    else flush.failedAlone(tried, error);
    return;
  }
  flush.succeeded();
  await db.transaction('rw', [db.outbox, db.keyResults, db.outcomes], async () => {
    await putKeyResults(db, keyResults);
    await db.outbox.delete(row.id);
    await db.outcomes.delete(row.id);
  });
  flush.settled++;
}

/** The outcome still counts: the row stays, rejected, so the panel can say the undo did not happen. */
async function refuseUndo(flush: Flush, row: OutboxRow, reason: string) {
  await reject(flush, [row], reason);
  flush.refusedUndos++;
}

/**
 * Items that failed alone: given up on once they failed often enough and the backend shows it works
 * (it took something else in this flush, or answers who we are). Otherwise the first failure is
 * thrown for the caller to back off; the items are tried again then.
 */
async function settleFailures(flush: Flush): Promise<void> {
  if (flush.failures.length === 0) return;
  const exhausted = flush.failures.filter((f) => f.row.attempts >= MAX_ATTEMPTS);
  const backendWorks =
    exhausted.length > 0 &&
    (flush.delivered ||
      (await flush.api.me().then(
        () => true,
        () => false,
      )));
  const givenUp = backendWorks ? exhausted : [];
  for (const { row, error } of givenUp) {
    const reason = `the backend failed on it ${row.attempts} times while it takes other requests (last: ${(error as Error).message})`;
    if (row.undo) await refuseUndo(flush, row, reason);
    else await reject(flush, [row], reason);
  }
  const left = flush.failures.find((f) => !givenUp.includes(f));
  if (left) throw left.error;
}

/**
 * Delivers everything owed, oldest first, and never lets one item hold up the rest: outcomes the
 * backend would refuse are rejected before sending, a batch refused or failing again is sent one
 * outcome at a time, and an item that keeps failing alone is eventually rejected with the reason.
 * A failure that concerns every request (network down, token refused, 429) stops the flush and is
 * thrown for the caller to back off, as is an item failing alone that is not given up on yet.
 */
export function flushOutbox(db: CacheDb, api: Api, options: FlushOptions = {}): Promise<FlushResult> {
  const previous = flushing.get(db) ?? Promise.resolve();
  const next = previous.then(() => flushOnce(db, api, options));
  const settledEither = next.catch(() => undefined);
  flushing.set(db, settledEither);
  void settledEither.then(() => {
    if (flushing.get(db) === settledEither) flushing.delete(db);
  });
  return next;
}

/**
 * Flushes run one after another, as syncs do: a click's delivery and an alarm's run may start
 * together, and two flushes at once would send the same outcome twice and store their responses
 * in either order. A flush queued behind another still runs: the outcome logged meanwhile is owed.
 */
const flushing = new WeakMap<CacheDb, Promise<unknown>>();

async function flushOnce(db: CacheDb, api: Api, options: FlushOptions): Promise<FlushResult> {
  const flush = new Flush(db, api);
  const tried = new Set<string>();
  for (;;) {
    const { batch, refused } = await claimBatch(db, tried, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    flush.settled += refused.length;
    if (batch.length === 0 && refused.length === 0) break;
    for (const row of batch) tried.add(row.id);
    if (batch.length > 0) await sendBatch(flush, batch);
  }
  const undos = await db.outbox
    .where('status')
    .equals('pending')
    .filter((row) => row.undo)
    .sortBy('createdAt');
  for (const row of undos) await sendUndo(flush, row);
  await settleFailures(flush);
  return { settled: flush.settled, refusedUndos: flush.refusedUndos };
}
