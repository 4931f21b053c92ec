import type { CsvProblem } from '@/lib/csv/parse.ts';
import { type Column, DataTable } from '../../table/DataTable.tsx';

const COLUMNS: Column<CsvProblem>[] = [
  { header: 'Line', cell: (problem) => problem.line },
  { header: 'Column', cell: (problem) => problem.column ?? '(whole line)' },
  { header: 'Problem', cell: (problem) => problem.message },
];

/** Every problem by line and column; a file of 50 000 bad rows stays as quick to scroll as one of ten. */
export function ProblemsTable({ problems }: { problems: readonly CsvProblem[] }) {
  return (
    <section className="problems" aria-label="Problems">
      <DataTable
        caption="Problems by line and column"
        hideCaption
        columns={COLUMNS}
        rows={problems}
        // Problems have no id; a problem keeps its place in the list.
        rowKey={(_, index) => String(index)}
      />
    </section>
  );
}
