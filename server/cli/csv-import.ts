import { readFile } from 'node:fs/promises';
import type { ColumnMap } from '../../lib/csv/headers.ts';
import { AdminCollection } from '../../lib/schemas/index.ts';
import { importCsv } from '../admin/csv-import.ts';
import type { Db } from '../db/types.ts';
import { UsageError } from './storage.ts';

interface CsvFlags {
  collection?: string | undefined;
  map?: string | undefined;
  'dry-run'?: boolean | undefined;
}

/** Problems printed before "... and N more": enough to fix a pattern, not a wall of text. */
const MAX_PROBLEMS = 50;

function columnMap(text: string | undefined): ColumnMap | undefined {
  if (text === undefined) return undefined;
  try {
    const map: unknown = JSON.parse(text);
    if (map !== null && typeof map === 'object' && !Array.isArray(map)) {
      if (Object.values(map).every((target) => target === null || typeof target === 'string'))
        return map as ColumnMap;
    }
  } catch {
    // reported below, like any other map that is not an object of header → field
  }
  throw new UsageError(
    '--map must be a JSON object of CSV header → field, e.g. \'{"Annual Revenue":"attr.arr"}\'',
  );
}

/**
 * `import <file.csv> --collection <name> [--map <json>] [--dry-run]`: the same import as the admin
 * route, written by the server's own operator (no user; source `cli`). Returns the exit code.
 */
export async function runCsvImport(
  file: string,
  flags: CsvFlags,
  withDb: <T>(fn: (db: Db) => Promise<T>) => Promise<T>,
) {
  const collection = AdminCollection.safeParse(flags.collection);
  if (!collection.success) {
    throw new UsageError(`a CSV import needs --collection, one of ${AdminCollection.options.join(', ')}`);
  }
  const map = columnMap(flags.map);
  const text = await readFile(file, 'utf8');
  const dryRun = flags['dry-run'] === true;
  const report = await withDb((db) =>
    importCsv(db, collection.data, text, { actor: null, source: 'cli', dryRun, ...(map ? { map } : {}) }),
  );
  const { created, updated, unchanged } = report.counts;
  if (report.ignoredColumns.length > 0) console.log(`Ignored columns: ${report.ignoredColumns.join(', ')}`);
  if (report.problems.length > 0) {
    console.error(`Nothing was imported: ${report.problems.length} problem(s) in ${file}.`);
    for (const problem of report.problems.slice(0, MAX_PROBLEMS)) {
      const column = problem.column === null ? '' : `, column "${problem.column}"`;
      console.error(`  line ${problem.line}${column}: ${problem.message}`);
    }
    if (report.problems.length > MAX_PROBLEMS)
      console.error(`  ... and ${report.problems.length - MAX_PROBLEMS} more`);
    return 1;
  }
  const verb = dryRun ? 'Dry run, nothing written: would create' : 'Created';
  console.log(
    `${verb} ${created}, ${dryRun ? 'update' : 'updated'} ${updated}, ${unchanged} unchanged (${collection.data}).`,
  );
  return 0;
}
