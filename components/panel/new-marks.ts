import { useEffect, useRef, useState } from 'react';
import {
  type NewValues,
  NOTHING_NEW,
  newValues,
  type OwnMove,
  shownOwnMoves,
} from '@/lib/panel/new-values.ts';
import type { PanelView } from '@/lib/panel/view-types.ts';

/** How long a value that changed under the user's eyes stays marked as new. */
const NEW_MARK_MS = 3_000;

/**
 * What changed since the view shown before this one, held for NEW_MARK_MS. `own` lists every move
 * this panel caused (its clicks, undos and failed clicks): each is left unmarked once, in the view that
 * shows it, so the user's own click is never news to them, while a teammate's change is.
 */
export function useNewMarks(view: PanelView | null, own: readonly OwnMove[]): NewValues {
  const previous = useRef<PanelView | null>(null);
  const shown = useRef(new Set<number>());
  const [marks, setMarks] = useState<NewValues>(NOTHING_NEW);
  useEffect(() => {
    const before = previous.current;
    previous.current = view;
    const pending = own.filter((move) => !shown.current.has(move.id));
    // Moves made on another account were shown there, or never will be.
    const sameAccount = before !== null && view !== null && before.account.id === view.account.id;
    const settled = sameAccount ? shownOwnMoves(before, view, pending) : pending;
    for (const move of settled) shown.current.add(move.id);
    const changed = newValues(before, view, pending);
    if (changed.names.length > 0) setMarks(changed);
  }, [view, own]);
  useEffect(() => {
    if (marks === NOTHING_NEW) return;
    const timer = setTimeout(() => setMarks(NOTHING_NEW), NEW_MARK_MS);
    return () => clearTimeout(timer);
  }, [marks]);
  return marks;
}
