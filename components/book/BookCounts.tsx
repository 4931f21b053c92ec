import type { KindCounts, KindFilter } from '@/lib/book/types.ts';
import { KIND_LABELS } from './misalignment-labels.ts';

interface BookCountsProps {
  /** null while the background is still counting. */
  counts: KindCounts | null;
  kind: KindFilter;
  onKind: (kind: KindFilter) => void;
}

/** Accounts per kind ("…" while counting); each is also a shortcut to filter by that kind, and back. */
export function BookCounts({ counts, kind, onKind }: BookCountsProps) {
  const kinds = Object.keys(KIND_LABELS) as (keyof KindCounts)[];
  return (
    <ul className="lv-counts" aria-label="Misaligned accounts per kind">
      {kinds.map((key) => (
        <li key={key}>
          <button
            type="button"
            className={`lv-count lv-count--${key}`}
            aria-pressed={kind === key}
            onClick={() => onKind(kind === key ? 'all' : key)}
            data-testid={`count-${key}`}
          >
            <span className="lv-count__number" aria-busy={counts === null}>
              {counts ? counts[key].toLocaleString('en-US') : '…'}
            </span>
            <span className="lv-count__label">{KIND_LABELS[key]}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
