import type { Field } from '@/lib/csv/fields.ts';
import type { CsvProblem } from '@/lib/csv/parse.ts';
import { toCsv } from '@/lib/csv/write.ts';

const PROBLEM_COLUMNS: Field[] = [
  { kind: 'number', path: ['line'], column: 'line', required: true },
  { kind: 'text', path: ['column'], column: 'column', required: false },
  { kind: 'text', path: ['message'], column: 'message', required: true },
];

/** An import's problems as a spreadsheet: line, column, message, one row each. */
export function problemsCsv(problems: readonly CsvProblem[]): string {
  return toCsv(PROBLEM_COLUMNS, problems as unknown as Record<string, unknown>[]);
}
