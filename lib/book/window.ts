export interface WindowInput {
  /** How far the list is scrolled, in pixels. */
  scrollTop: number;
  /** The visible height of the list, in pixels. */
  viewportHeight: number;
  /** Every row has this height, so a row's position is its index times it. */
  rowHeight: number;
  count: number;
  /** Rows rendered beyond each edge, so a fast scroll does not flash empty space. */
  overscan?: number;
}

/** The rows to render: `start` inclusive, `end` exclusive. */
interface RowWindow {
  start: number;
  end: number;
}

/** Which rows of a long fixed-height list are on screen; only those are put in the DOM. */
export function visibleRows({
  scrollTop,
  viewportHeight,
  rowHeight,
  count,
  overscan = 4,
}: WindowInput): RowWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.min(count - 1, Math.floor(top / rowHeight));
  const last = Math.floor((top + Math.max(0, viewportHeight)) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + 1 + overscan) };
}
