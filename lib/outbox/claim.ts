import type { CacheDb } from '../cache/db.ts';
import { outcomeProblem } from './check.ts';
import { isUnsent, type OutboxRow } from './types.ts';

/** The backend's limits on one POST /v1/outcomes: 100 outcomes, and its body limit (1 MiB by default). */
const MAX_BATCH = 100;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const encoder = new TextEncoder();
/** `{"outcomes":[` and `]}`; each outcome after the first adds a comma. */
const ENVELOPE_BYTES = encoder.encode('{"outcomes":[]}').length;

function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

interface Claimed {
  /** Rows to send together, their attempt already counted. */
  batch: OutboxRow[];
  /** Rows that can never be sent, each with the reason; marked rejected already. */
  refused: OutboxRow[];
}

/** Marks rows rejected as they are now in the outbox: the user may have undone one since it was read. */
export async function markRejected(db: CacheDb, verdicts: readonly { id: string; reason: string }[]) {
  for (const { id, reason } of verdicts) {
    const row = await db.outbox.get(id);
    if (row) await db.outbox.put({ ...row, status: 'rejected', reason });
  }
}

/**
 * The oldest outcomes still owed, as many as fit one request under `maxBodyBytes`. Counting the attempt
 * before sending is what makes a later undo safe. An outcome the backend's schema refuses, or too large
 * to send even alone, is rejected here with its reason: it would otherwise fail every batch it is in.
 * Rows in `skip` were already tried in this flush.
 */
export async function claimBatch(
  db: CacheDb,
  skip: ReadonlySet<string>,
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
): Promise<Claimed> {
  return db.transaction('rw', db.outbox, async () => {
    const owed = (await db.outbox.where('status').equals('pending').sortBy('createdAt')).filter(
      (row) => isUnsent(row) && !skip.has(row.id),
    );
    const batch: OutboxRow[] = [];
    const refused: OutboxRow[] = [];
    let bytes = ENVELOPE_BYTES;
    for (const row of owed) {
      if (batch.length >= MAX_BATCH) break;
      const problem = outcomeProblem(row.outcome);
      const size = jsonBytes(row.outcome);
      if (problem || ENVELOPE_BYTES + size > maxBodyBytes) {
        const reason = problem
          ? `the backend would refuse it: ${problem}`
          : `it is too large to send (${size} bytes; the backend takes at most ${maxBodyBytes})`;
        refused.push({ ...row, status: 'rejected', reason });
        continue;
      }
      const added = size + (batch.length > 0 ? 1 : 0);
      if (bytes + added > maxBodyBytes) break;
      bytes += added;
      batch.push({ ...row, attempts: row.attempts + 1 });
    }
    await db.outbox.bulkPut([...batch, ...refused]);
    return { batch, refused };
  });
}
