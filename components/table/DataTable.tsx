import { useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, type HTMLAttributes, type ReactNode, type Ref, useRef } from 'react';

export interface Column<T> {
  header: string;
  cell?(row: T): ReactNode;
  /** The cell that names its row (read before each cell of the row by screen readers). */
  rowHeader?: boolean;
}

/** What a row must carry for the table to place and measure it; a custom row spreads it on its `<tr>`. */
export type RowAttrs = {
  ref?: Ref<HTMLTableRowElement>;
  'data-index'?: number;
  'aria-rowindex'?: number;
};

interface Props<T> {
  /** The table's accessible name: its caption, or only its label with `hideCaption`. */
  caption: string;
  hideCaption?: boolean;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey(row: T, index: number): string;
  rowProps?(row: T): HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
  /** A row with its own state (edited in place): it gets RowAttrs to spread on its `<tr>`. */
  renderRow?(row: T, attrs: RowAttrs): ReactNode;
  busy?: boolean;
  /** A first guess at a row's height; rows are measured once drawn. */
  rowHeight?: number;
}

/** Up to this many rows a table is drawn whole; longer ones draw only the rows in view. */
export const VIRTUAL_FROM = 100;
const VIEW_ROWS = 14;
/** Rows drawn above and below the visible ones, so fast scrolling shows no gap. */
const OVERSCAN = 8;

/**
 * The workspace's one table: a real `<table>` (rows, headers and captions for screen readers) that,
 * past VIRTUAL_FROM rows, keeps only the rows in view in the page, so 50 000 rows scroll as quickly as
 * ten. The rest stay counted (`aria-rowcount`, `aria-rowindex`) and the scrolling region takes the
 * keyboard focus, so arrow keys and Page Down scroll it.
 */
export function DataTable<T>(props: Props<T>) {
  const { caption, hideCaption, columns, rows, busy } = props;
  const virtual = rows.length > VIRTUAL_FROM;
  const table = (body: ReactNode, extra: HTMLAttributes<HTMLTableElement> = {}) => (
    <table aria-busy={busy || undefined} aria-label={hideCaption ? caption : undefined} {...extra}>
      {!hideCaption && <caption>{caption}</caption>}
      <thead style={virtual ? { position: 'sticky', top: 0, background: 'Canvas' } : undefined}>
        <tr aria-rowindex={virtual ? 1 : undefined}>
          {columns.map((column) => (
            <th key={column.header} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      {body}
    </table>
  );
  if (!virtual) {
    return table(<tbody>{rows.map((row, index) => drawRow(props, row, index, {}))}</tbody>);
  }
  return <VirtualBody {...props} table={table} />;
}

function VirtualBody<T>(
  props: Props<T> & { table(body: ReactNode, extra: HTMLAttributes<HTMLTableElement>): ReactNode },
) {
  const { caption, columns, rows, rowHeight = 30, table } = props;
  const scroller = useRef<HTMLElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const spacer = (height: number, key: string) =>
    height > 0 && (
      // Room for the rows not drawn: nothing to read, and a row is not focusable.
      // biome-ignore lint/a11y/noAriaHiddenOnFocusable: see above.
      <tr key={key} aria-hidden="true" style={{ height }}>
        <td colSpan={columns.length} style={{ padding: 0, border: 0 }} />
      </tr>
    );
  return (
    <section
      ref={scroller}
      aria-label={`${caption}: ${rows.length} rows, scrollable`}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
      tabIndex={0}
      style={{ maxHeight: rowHeight * VIEW_ROWS, overflowY: 'auto' }}
      onKeyDown={(event) => {
        // Rows are measured as they are drawn, so the browser's own End would stop short of the last.
        const to = event.key === 'End' ? rows.length - 1 : event.key === 'Home' ? 0 : null;
        if (to === null || event.target !== event.currentTarget) return;
        event.preventDefault();
        virtualizer.scrollToIndex(to, { align: to === 0 ? 'start' : 'end' });
      }}
    >
      {table(
        <tbody>
          {spacer(before, 'before')}
          {items.map((item) => {
            const row = rows[item.index] as T;
            return drawRow(props, row, item.index, {
              ref: virtualizer.measureElement,
              'data-index': item.index,
              'aria-rowindex': item.index + 2,
            });
          })}
          {spacer(after, 'after')}
        </tbody>,
        { 'aria-rowcount': rows.length + 1, style: { width: '100%' } },
      )}
    </section>
  );
}

function drawRow<T>(props: Props<T>, row: T, index: number, attrs: RowAttrs): ReactNode {
  const key = props.rowKey(row, index);
  if (props.renderRow) return <Fragment key={key}>{props.renderRow(row, attrs)}</Fragment>;
  return (
    <tr key={key} {...props.rowProps?.(row)} {...attrs}>
      {props.columns.map((column) =>
        column.rowHeader ? (
          <th key={column.header} scope="row">
            {column.cell?.(row)}
          </th>
        ) : (
          <td key={column.header}>{column.cell?.(row)}</td>
        ),
      )}
    </tr>
  );
}
