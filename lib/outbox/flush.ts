import { type BackendClient, BackendError } from '../backend/client.ts';
import { type CacheDb, toCachedKeyResult } from '../cache/db.ts';
import type { KeyResult } from '../schemas/entities.ts';
import { isUnsent, type OutboxRow } from './types.ts';

const BATCH = 100;
/** Answers that will not change on retry: the batch is refused for good, so it must not block the queue. */
const PERMANENT = new Set([400, 404, 409, 413, 422]);

type Api = Pick<BackendClient, 'postOutcomes' | 'deleteOutcome'>;

async function storeKeyResults(db: CacheDb, keyResults: KeyResult[]) {
  if (keyResults.length) await db.keyResults.bulkPut(keyResults.map(toCachedKeyResult));
}

/** Claims the next batch: counting the attempt before sending is what makes a later undo safe. */
async function claimBatch(db: CacheDb): Promise<OutboxRow[]> {
  return db.transaction('rw', db.outbox, async () => {
    const rows = (await db.outbox.where('status').equals('pending').sortBy('createdAt'))
      .filter(isUnsent)
      .slice(0, BATCH);
    await db.outbox.bulkPut(rows.map((row) => ({ ...row, attempts: row.attempts + 1 })));
    return rows;
  });
}

async function sendBatch(db: CacheDb, api: Api, rows: OutboxRow[]): Promise<void> {
  let response: Awaited<ReturnType<Api['postOutcomes']>>;
  try {
    response = await api.postOutcomes(rows.map((row) => row.outcome));
  } catch (error) {
    if (!(error instanceof BackendError && error.status && PERMANENT.has(error.status))) throw error;
    await db.outbox.bulkPut(
      rows.map((row) => ({ ...row, status: 'rejected' as const, reason: error.message })),
    );
    return;
  }
  await db.transaction('rw', [db.outbox, db.keyResults, db.outcomes], async () => {
    await storeKeyResults(db, response.keyResults);
    for (const result of response.results) {
      const row = await db.outbox.get(result.id);
      if (!row) continue;
      if (result.status === 'rejected')
        await db.outbox.put({ ...row, status: 'rejected', reason: result.reason });
      else if (row.undo) await db.outbox.put({ ...row, applied: true });
      else {
        await db.outbox.delete(row.id);
        await db.outcomes.put(row.outcome);
      }
    }
  });
}

async function sendUndo(db: CacheDb, api: Api, row: OutboxRow): Promise<void> {
  let keyResults: KeyResult[] = [];
  try {
    keyResults = (await api.deleteOutcome(row.id)).keyResults;
  } catch (error) {
    if (!(error instanceof BackendError && error.status && PERMANENT.has(error.status))) throw error;
  }
  await db.transaction('rw', [db.outbox, db.keyResults, db.outcomes], async () => {
    await storeKeyResults(db, keyResults);
    await db.outbox.delete(row.id);
    await db.outcomes.delete(row.id);
  });
}

/**
 * Delivers everything owed, oldest first. A transient failure (network, 5xx, 429, 401) stops the
 * flush and is thrown for the caller to back off; permanently refused outcomes are marked rejected
 * and the queue moves on. Returns how many rows were settled.
 */
export async function flushOutbox(db: CacheDb, api: Api): Promise<number> {
  let settled = 0;
  for (;;) {
    const batch = await claimBatch(db);
    if (batch.length > 0) await sendBatch(db, api, batch);
    settled += batch.length;
    // A short batch was the last; rows the backend left unanswered wait for the next flush.
    if (batch.length < BATCH) break;
  }
  const undos = await db.outbox
    .where('status')
    .equals('pending')
    .filter((row) => row.undo)
    .sortBy('createdAt');
  for (const row of undos) {
    await sendUndo(db, api, row);
    settled++;
  }
  return settled;
}
