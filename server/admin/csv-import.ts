import { fieldsOf } from '../../lib/csv/fields.ts';
import { type ColumnMap, mapHeaders } from '../../lib/csv/headers.ts';
import { type BuiltItem, buildItems, readRows } from '../../lib/csv/items.ts';
import { type CsvProblem, parseCsv } from '../../lib/csv/parse.ts';
import type { CsvImportReport } from '../../lib/schemas/csv.ts';
import { ADMIN_COLLECTIONS, type AdminCollection, MAX_ADMIN_BATCH } from '../../lib/schemas/index.ts';
import { refreshStatisticsAfter } from '../db/statistics.ts';
import type { Db } from '../db/types.ts';
import { writeTransaction } from '../feed/lock.ts';
import { explain } from '../import/issues.ts';
import { loadAccountsByCrmRef, loadDirectory, loadStored } from './csv-lookups.ts';
import { AdminValidationError } from './errors.ts';
import { type UpsertOptions, upsertCollection } from './upsert.ts';

interface CsvImportOptions extends Omit<UpsertOptions, 'source'> {
  source: 'csv' | 'cli' | 'workspace';
  map?: ColumnMap;
}

/** Thrown out of the transaction to undo it (a dry run, or a file with problems), carrying the report. */
class Rollback extends Error {
  constructor(readonly report: CsvImportReport) {
    super('rolled back');
  }
}

const byLine = (a: CsvProblem, b: CsvProblem) => a.line - b.line;

/** `scope.tierIds[0]` (an admin batch's problem path) → `['scope', 'tierIds', 0]`. */
const pathKeys = (path: string) =>
  path
    .split(/[.[\]"]+/)
    .filter((key) => key !== '')
    .map((key) => (/^\d+$/.test(key) ? Number(key) : key));

/**
 * Imports a CSV file into a collection, all or nothing: every problem, by line and column, or every
 * row applied in one transaction. The rows go through the same upsert as the admin API (in batches of
 * its size, inside this one transaction), so CSV writes are validated, audited and stamped the same way.
 */
export async function importCsv(
  db: Db,
  collection: AdminCollection,
  text: string,
  options: CsvImportOptions,
): Promise<CsvImportReport> {
  const spec = ADMIN_COLLECTIONS[collection];
  const fields = fieldsOf(spec.schema);
  const parsed = parseCsv(text);
  const mapping = mapHeaders(parsed.headers, collection, fields, options.map);
  // Counts cover the rows without problems: what they did, or would do (a dry run, a file with problems).
  const report: CsvImportReport = {
    dryRun: options.dryRun,
    counts: { created: 0, updated: 0, unchanged: 0 },
    problems: [...parsed.problems, ...mapping.problems],
    ignoredColumns: mapping.ignoredColumns,
  };
  if (parsed.headers.length === 0) return report;

  try {
    const applied = await writeTransaction(db, async (tx) => {
      const directory = await loadDirectory(tx);
      const byCrmRef = collection === 'accounts' ? await loadAccountsByCrmRef(tx) : new Map<string, string>();
      const read = readRows(parsed, mapping, collection, fields, directory, byCrmRef);
      const stored = await loadStored(
        tx,
        spec.type,
        read.rows.map((row) => row.id),
      );
      const built = buildItems(
        read.rows,
        mapping,
        collection,
        spec.schema,
        fields,
        stored,
        directory.tiers,
        explain,
      );
      // A cell that could not be read is named once, not again as the field it left empty.
      const named = new Set(read.problems.map((problem) => `${problem.line}\u0000${problem.column}`));
      const badLines = new Set(read.problems.map((problem) => problem.line));
      report.problems.push(
        ...read.problems,
        ...built.problems.filter((problem) => !named.has(`${problem.line}\u0000${problem.column}`)),
      );
      const items = built.items.filter((item) => !badLines.has(item.line));
      for (let start = 0; start < items.length; start += MAX_ADMIN_BATCH) {
        await applyBatch(tx, collection, items.slice(start, start + MAX_ADMIN_BATCH), options, report);
      }
      report.problems.sort(byLine);
      if (report.problems.length > 0 || options.dryRun) throw new Rollback(report);
      return report;
    });
    await refreshStatisticsAfter(db, applied.counts.created + applied.counts.updated);
    return applied;
  } catch (error) {
    if (error instanceof Rollback) return error.report;
    throw error;
  }
}

async function applyBatch(
  tx: Db,
  collection: AdminCollection,
  batch: readonly BuiltItem[],
  options: CsvImportOptions,
  report: CsvImportReport,
): Promise<void> {
  try {
    const { results } = await upsertCollection(
      tx,
      collection,
      batch.map((built) => built.item),
      // The whole file is one transaction: a dry run is undone here, after every batch has been checked.
      { actor: options.actor, source: options.source, dryRun: false },
    );
    for (const result of results) report.counts[result.status]++;
  } catch (error) {
    if (!(error instanceof AdminValidationError)) throw error;
    for (const detail of error.details) {
      const built = batch[detail.index];
      report.problems.push({
        line: built?.line ?? 0,
        column: built ? built.columnOf(pathKeys(detail.path)) : null,
        message: detail.message,
      });
    }
  }
}
