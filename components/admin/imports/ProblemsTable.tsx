import { useState } from 'react';
import type { CsvProblem } from '@/lib/csv/parse.ts';

const ROW_PX = 30;
const VISIBLE = 12;
/** Rows drawn above and below the visible ones, so fast scrolling shows no gap. */
const OVERSCAN = 8;

/**
 * Every problem by line and column. Only the rows in view are in the page: a file of 50 000 bad rows
 * stays as quick to scroll as one of ten. The table keeps its full row count for screen readers.
 */
export function ProblemsTable({ problems }: { problems: readonly CsvProblem[] }) {
  const [top, setTop] = useState(0);
  const first = Math.max(0, Math.floor(top / ROW_PX) - OVERSCAN);
  const last = Math.min(problems.length, first + VISIBLE + 2 * OVERSCAN);
  const shown = problems.slice(first, last);
  return (
    <section
      className="problems"
      aria-label="Problems"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
      tabIndex={0}
      style={{ maxHeight: ROW_PX * (VISIBLE + 1), overflowY: 'auto' }}
      onScroll={(event) => setTop(event.currentTarget.scrollTop)}
    >
      <div style={{ position: 'relative', height: ROW_PX * (problems.length + 1) }}>
        <table
          aria-rowcount={problems.length + 1}
          style={{ position: 'absolute', top: first * ROW_PX, width: '100%' }}
        >
          <thead>
            <tr aria-rowindex={1} style={{ height: ROW_PX }}>
              <th scope="col">Line</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((problem, offset) => {
              const index = first + offset;
              return (
                <tr key={index} aria-rowindex={index + 2} style={{ height: ROW_PX }}>
                  <td>{problem.line}</td>
                  <td>{problem.column ?? '(whole line)'}</td>
                  <td>{problem.message}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
