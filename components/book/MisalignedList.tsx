import { useEffect, useRef, useState } from 'react';
import type { MisalignedAccount } from '@/lib/book/types.ts';
import { visibleRows } from '@/lib/book/window.ts';
import { MisalignedRow } from './MisalignedRow.tsx';

/** Every row has this height, so positions are arithmetic and only the visible rows are rendered. */
const ROW_HEIGHT = 84;
// Before the first measurement: enough rows for a typical side panel.
const INITIAL_VIEWPORT = 800;

interface MisalignedListProps {
  total: number;
  /** The row at an index, or undefined while its page is on its way. */
  rowAt: (index: number) => MisalignedAccount | undefined;
  /** Called with the rows about to be shown, so their pages can be fetched. */
  onRange: (start: number, end: number) => void;
  selectedId: string | null;
  onSelect: (account: MisalignedAccount) => void;
}

/** A windowed list: tens of thousands of accounts cost as much DOM as the dozen on screen. */
export function MisalignedList({ total, rowAt, onRange, selectedId, onSelect }: MisalignedListProps) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(INITIAL_VIEWPORT);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    setHeight(element.clientHeight);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const { start, end } = visibleRows({
    scrollTop,
    viewportHeight: height,
    rowHeight: ROW_HEIGHT,
    count: total,
  });
  useEffect(() => onRange(start, end), [onRange, start, end]);

  const rows = [];
  for (let index = start; index < end; index++) {
    const account = rowAt(index);
    const style = { top: index * ROW_HEIGHT, height: ROW_HEIGHT };
    rows.push(
      account ? (
        <MisalignedRow
          key={account.id}
          account={account}
          style={style}
          position={index + 1}
          total={total}
          selected={account.id === selectedId}
          onSelect={() => onSelect(account)}
        />
      ) : (
        <li key={`loading-${index}`} className="lv-row lv-row--loading" style={style} aria-busy="true">
          Loading…
        </li>
      ),
    );
  }
  return (
    <div className="lv-list" ref={viewport} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <ul aria-label="Misaligned accounts" className="lv-list__spacer" style={{ height: total * ROW_HEIGHT }}>
        {rows}
      </ul>
    </div>
  );
}
