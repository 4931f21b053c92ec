import { useEffect, useRef, useState } from 'react';
import { type NewValues, NOTHING_NEW, newValues } from '@/lib/panel/new-values.ts';
import type { PanelView } from '@/lib/panel/view-types.ts';

/** How long a value that changed under the user's eyes stays marked as new. */
const NEW_MARK_MS = 3_000;

/** What changed since the view shown before this one, held for NEW_MARK_MS. */
export function useNewMarks(view: PanelView | null): NewValues {
  const previous = useRef<PanelView | null>(null);
  const [marks, setMarks] = useState<NewValues>(NOTHING_NEW);
  useEffect(() => {
    const changed = newValues(previous.current, view);
    previous.current = view;
    if (changed.names.length > 0) setMarks(changed);
  }, [view]);
  useEffect(() => {
    if (marks === NOTHING_NEW) return;
    const timer = setTimeout(() => setMarks(NOTHING_NEW), NEW_MARK_MS);
    return () => clearTimeout(timer);
  }, [marks]);
  return marks;
}
