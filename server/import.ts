import { readFile } from 'node:fs/promises';
import { Snapshot } from '../lib/schemas/index.ts';
import type { Db } from './db/types.ts';
import { writeTransaction } from './feed/lock.ts';
import { checkIntegrity } from './import/integrity.ts';
import { formatIssue } from './import/issues.ts';
import { putEntities } from './store/put.ts';

/** Thrown when a snapshot has bad rows; nothing was written. */
export class SnapshotInvalidError extends Error {
  constructor(readonly problems: string[]) {
    super(`snapshot rejected: ${problems.length} problem(s), first: ${problems[0]}`);
    this.name = 'SnapshotInvalidError';
  }
}

export interface ImportSummary {
  /** Per collection: rows in the snapshot, and rows that were new or different (and hit the feed). */
  counts: Record<keyof Snapshot, { received: number; changed: number }>;
  ms: number;
}

/** Referenced collections first, so each entity's feed row follows what it points to. */
const STEPS: [keyof Snapshot, (tx: Db, snapshot: Snapshot) => Promise<string[]>][] = [
  ['users', (tx, s) => putEntities(tx, 'user', s.users)],
  ['tiers', (tx, s) => putEntities(tx, 'tier', s.tiers)],
  ['metricDefinitions', (tx, s) => putEntities(tx, 'metricDefinition', s.metricDefinitions)],
  ['objectives', (tx, s) => putEntities(tx, 'objective', s.objectives)],
  ['keyResults', (tx, s) => putEntities(tx, 'keyResult', s.keyResults)],
  ['accounts', (tx, s) => putEntities(tx, 'account', s.accounts)],
  ['metrics', (tx, s) => putEntities(tx, 'metric', s.metrics)],
];

/**
 * Validates the whole snapshot, then upserts it in one transaction: either every row is imported or,
 * if any row is bad, none is and SnapshotInvalidError lists each problem by collection, index and field.
 */
export async function importSnapshot(db: Db, input: unknown): Promise<ImportSummary> {
  const started = performance.now();
  const parsed = Snapshot.safeParse(input);
  if (!parsed.success) throw new SnapshotInvalidError(parsed.error.issues.map(formatIssue));
  const snapshot = parsed.data;

  const counts = await writeTransaction(db, async (tx) => {
    const problems = await checkIntegrity(tx, snapshot);
    if (problems.length > 0) throw new SnapshotInvalidError(problems);
    const counts = {} as ImportSummary['counts'];
    for (const [collection, put] of STEPS) {
      const changed = await put(tx, snapshot);
      counts[collection] = { received: snapshot[collection].length, changed: changed.length };
    }
    return counts;
  });
  return { counts, ms: Math.round(performance.now() - started) };
}

/** Reads a snapshot file; a file that is not JSON is reported like any other bad snapshot. */
export async function loadSnapshotFile(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SnapshotInvalidError([`(file): not valid JSON: ${(error as Error).message}`]);
  }
}
