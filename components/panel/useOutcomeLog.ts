import { useCallback, useEffect, useRef, useState } from 'react';
import type { MessageClient } from '@/lib/messages/client.ts';
import type { KeyResultView, PanelAnswer } from '@/lib/panel/view-types.ts';
import type { Toast } from './OutcomeToast.tsx';

const UNDO_WINDOW_MS = 10_000;

export interface Overlay {
  keyResultId: string;
  accountId: string;
  delta: number;
  /** The first answer revision that already contains this click, once the background has it. */
  settledAt: number;
}

/**
 * The toast's state follows what the background reports about its outcome, but only from answers
 * given after the outcome was stored: an older answer cannot list it and would pass it off as sent.
 */
function tracked(toast: Toast, answer: PanelAnswer | null, answeredRevision: number): Toast {
  if (!toast.outcomeId || toast.state === 'failed') return toast;
  if (answer?.kind !== 'account' || answeredRevision < toast.storedAt) return toast;
  const entry = answer.view.outbox.find((e) => e.id === toast.outcomeId);
  // Once undone, only a refusal of the undo changes what the toast says.
  if (['undone', 'undoing'].includes(toast.state)) {
    return entry?.state === 'undo_refused'
      ? { ...toast, state: 'undo_refused', reason: entry.reason }
      : toast;
  }
  if (!entry) return { ...toast, state: 'sent' };
  if (entry.state === 'rejected') return { ...toast, state: 'rejected', reason: entry.reason };
  return { ...toast, state: entry.state === 'undoing' ? 'undoing' : 'queued' };
}

/**
 * One-click logging: the click shows its effect in the same frame (an overlay on the last answer),
 * the background makes it durable, and the overlay drops away once an answer includes the outcome.
 */
export function useOutcomeLog(
  request: MessageClient,
  answer: PanelAnswer | null,
  answeredRevision: number,
  refresh: () => number,
) {
  const [overlays, setOverlays] = useState(new Map<string, Overlay>());
  const [toasts, setToasts] = useState<Toast[]>([]);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  // Toasts that report a rejection or a refused undo stay until dismissed; the others time out.
  const reporting = useRef(new Set<string>());
  useEffect(() => () => timers.current.forEach(clearTimeout), []);

  const updateToast = useCallback((clickId: string, change: Partial<Toast>) => {
    setToasts((list) => list.map((t) => (t.clickId === clickId ? { ...t, ...change } : t)));
  }, []);
  const dismiss = useCallback(
    (clickId: string) => setToasts((list) => list.filter((t) => t.clickId !== clickId)),
    [],
  );

  const log = useCallback(
    (kr: KeyResultView, accountId: string) => {
      const clickId = crypto.randomUUID();
      setOverlays((map) =>
        new Map(map).set(clickId, {
          keyResultId: kr.id,
          accountId,
          delta: kr.quickLog.delta,
          settledAt: Infinity,
        }),
      );
      setToasts((list) => [
        ...list,
        {
          clickId,
          outcomeId: null,
          storedAt: Number.POSITIVE_INFINITY,
          reason: null,
          label: kr.quickLog.label,
          keyResultTitle: kr.title,
          state: 'saving',
          message: null,
        },
      ]);
      request('outcome/log', { keyResultId: kr.id, accountId }).then(
        ({ outcome }) => {
          const settledAt = refresh();
          setOverlays((map) => {
            const overlay = map.get(clickId);
            return overlay ? new Map(map).set(clickId, { ...overlay, settledAt }) : map;
          });
          updateToast(clickId, { outcomeId: outcome.id, state: 'queued', storedAt: settledAt });
          const timer = setTimeout(() => {
            timers.current.delete(timer);
            setToasts((list) => list.filter((t) => t.clickId !== clickId || reporting.current.has(clickId)));
          }, UNDO_WINDOW_MS);
          timers.current.add(timer);
        },
        (error: Error) => {
          setOverlays((map) => {
            const next = new Map(map);
            next.delete(clickId);
            return next;
          });
          updateToast(clickId, { state: 'failed', message: error.message });
        },
      );
    },
    [request, refresh, updateToast],
  );

  const undo = useCallback(
    (toast: Toast) => {
      if (!toast.outcomeId) return;
      updateToast(toast.clickId, { state: 'undoing' });
      request('outcome/undo', { outcomeId: toast.outcomeId }).then(
        () => {
          updateToast(toast.clickId, { state: 'undone' });
          refresh();
        },
        (error: Error) => updateToast(toast.clickId, { message: error.message }),
      );
    },
    [request, refresh, updateToast],
  );

  const note = useCallback(
    (toast: Toast, text: string) => {
      if (!toast.outcomeId) return;
      request('outcome/note', { outcomeId: toast.outcomeId, note: text }).then(
        ({ outcome }) => {
          updateToast(toast.clickId, { outcomeId: outcome.id, storedAt: refresh(), message: 'Note saved.' });
        },
        (error: Error) => updateToast(toast.clickId, { message: error.message }),
      );
    },
    [request, refresh, updateToast],
  );

  const liveOverlays = [...overlays.values()].filter((o) => o.settledAt > answeredRevision);
  const shown = toasts.map((t) => tracked(t, answer, answeredRevision));
  for (const toast of shown)
    if (toast.state === 'rejected' || toast.state === 'undo_refused') reporting.current.add(toast.clickId);
  return {
    overlays: liveOverlays,
    toasts: shown,
    log,
    undo,
    note,
    dismiss,
  };
}
