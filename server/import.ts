import { readFile } from 'node:fs/promises';
import { type EntityOf, type EntityType, Snapshot } from '../lib/schemas/index.ts';
import { recordAudit } from './admin/audit.ts';
import { refreshStatisticsAfter } from './db/statistics.ts';
import type { Db } from './db/types.ts';
import { writeTransaction } from './feed/lock.ts';
import { checkIntegrity } from './import/integrity.ts';
import { formatIssue } from './import/issues.ts';
import { databaseNow, resolveKeyResults } from './store/key-result-value.ts';
import { loadKeyResults } from './store/key-results.ts';
import { putEntities } from './store/put.ts';

/** Thrown when a snapshot has bad rows; nothing was written. */
export class SnapshotInvalidError extends Error {
  constructor(readonly problems: string[]) {
    super(`snapshot rejected: ${problems.length} problem(s), first: ${problems[0]}`);
    this.name = 'SnapshotInvalidError';
  }
}

type Collection = keyof Snapshot;

interface ImportSummary {
  /** Per collection: rows in the snapshot, and rows that were new or different (and hit the feed). */
  counts: Record<Collection, { received: number; changed: number }>;
  /** Teams that users named but the snapshot did not list, created with their id as their name. */
  createdTeams: string[];
  ms: number;
}

/** Referenced collections first, so each entity's feed row follows what it points to. */
const STEPS: [Collection, EntityType][] = [
  ['teams', 'team'],
  ['users', 'user'],
  ['tiers', 'tier'],
  ['metricDefinitions', 'metricDefinition'],
  ['objectives', 'objective'],
  ['keyResults', 'keyResult'],
  ['accounts', 'account'],
  ['metrics', 'metric'],
];

/**
 * Validates the whole snapshot, then upserts it in one transaction: either every row is imported or,
 * if any row is bad, none is and SnapshotInvalidError lists each problem by collection, index and field.
 * Rows are recorded as written through the command line (`source: cli`).
 */
export async function importSnapshot(db: Db, input: unknown): Promise<ImportSummary> {
  const started = performance.now();
  const parsed = Snapshot.safeParse(input);
  if (!parsed.success) throw new SnapshotInvalidError(parsed.error.issues.map(formatIssue));
  const snapshot = parsed.data;

  const { counts, createdTeams } = await writeTransaction(db, async (tx) => {
    const { problems, missingTeams } = await checkIntegrity(tx, snapshot, {
      rowName: (collection, index) => `${collection}[${index}]`,
      createMissingTeams: true,
    });
    if (problems.length > 0) {
      throw new SnapshotInvalidError(
        problems.map((p) => `${p.collection}[${p.index}].${p.path}: ${p.message}`),
      );
    }
    const now = await databaseNow(tx);
    const rows = await rowsOf(tx, snapshot, missingTeams, now);
    const counts = {} as ImportSummary['counts'];
    for (const [collection, type] of STEPS) {
      const changed = await putEntities(tx, type, rows[collection] as EntityOf<typeof type>[]);
      await recordAudit(tx, { actor: null, source: 'cli', collection, op: 'upsert', ids: changed });
      counts[collection] = { received: snapshot[collection]?.length ?? 0, changed: changed.length };
    }
    return { counts, createdTeams: missingTeams };
  });
  await refreshStatisticsAfter(
    db,
    Object.values(counts).reduce((sum, { changed }) => sum + changed, 0),
  );
  return { counts, createdTeams, ms: Math.round(performance.now() - started) };
}

/** The rows to store: missing teams added, key results' values resolved, each stamped as from the CLI. */
async function rowsOf(
  tx: Db,
  snapshot: Snapshot,
  missingTeams: string[],
  now: string,
): Promise<Record<Collection, object[]>> {
  const stored = await loadKeyResults(
    tx,
    snapshot.keyResults.map((kr) => kr.id),
  );
  const rows: Record<Collection, readonly object[]> = {
    ...snapshot,
    teams: [...(snapshot.teams ?? []), ...missingTeams.map((id) => ({ id, name: id }))],
    keyResults: await resolveKeyResults(tx, snapshot.keyResults, stored, now),
  };
  const out = {} as Record<Collection, object[]>;
  for (const [collection] of STEPS) {
    // The file is the operator's own data: the times it gives are kept, the path is always this one.
    out[collection] = rows[collection].map((row) => ({ updatedAt: now, ...row, source: 'cli' }));
  }
  return out;
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
