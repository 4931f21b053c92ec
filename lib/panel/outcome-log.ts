import type { MessageClient } from '../messages/client.ts';
import type { PendingDelta } from '../okr/optimistic.ts';
import type { OwnMove } from './new-values.ts';
import type { KeyResultView, PanelAnswer } from './view-types.ts';

const UNDO_WINDOW_MS = 10_000;

export interface Toast {
  clickId: string;
  outcomeId: string | null;
  /** The panel revision from which answers know about this outcome. */
  storedAt: number;
  label: string;
  keyResultTitle: string;
  /** What the click added to the key result, which its undo takes away again. */
  move: { keyResultId: string; delta: number };
  state: 'saving' | 'queued' | 'sent' | 'rejected' | 'undoing' | 'undone' | 'undo_refused' | 'failed';
  /** The backend's reason for a rejection or a refused undo. */
  reason: string | null;
  message: string | null;
}

/** A click shown before an answer includes it: from the revision `settledAt` on, answers do. */
interface Overlay extends PendingDelta {
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

interface OutcomeLogState {
  overlays: ReadonlyMap<string, Overlay>;
  toasts: readonly Toast[];
  /** Every move of a value this panel caused, so that it is not marked as a teammate's change. */
  moves: readonly OwnMove[];
}

/**
 * One-click logging outside React: the click shows its effect at once (an overlay on the last answer),
 * the background makes it durable, and the overlay drops away once an answer includes the outcome.
 * `refresh` asks the panel's answer again and returns the revision from which answers include the change.
 */
export function createOutcomeLog(request: MessageClient, refresh: () => number) {
  let state: OutcomeLogState = { overlays: new Map(), toasts: [], moves: [] };
  const listeners = new Set<() => void>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  // Toasts that report a rejection or a refused undo stay until dismissed; the others time out.
  const reporting = new Set<string>();
  const set = (next: Partial<OutcomeLogState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };
  const updateToast = (clickId: string, change: Partial<Toast>) =>
    set({ toasts: state.toasts.map((t) => (t.clickId === clickId ? { ...t, ...change } : t)) });
  const moved = (keyResultId: string, delta: number): OwnMove[] => [
    ...state.moves,
    { id: state.moves.length, keyResultId, delta },
  ];
  /** `move`: the delta by which showing or dropping this overlay moves its key result. */
  const withOverlay = (clickId: string, overlay: Overlay | null, move?: PendingDelta) => {
    const overlays = new Map(state.overlays);
    if (overlay) overlays.set(clickId, overlay);
    else overlays.delete(clickId);
    set(move ? { overlays, moves: moved(move.keyResultId, move.delta) } : { overlays });
  };
  const dismiss = (clickId: string) => set({ toasts: state.toasts.filter((t) => t.clickId !== clickId) });

  return {
    get: () => state,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** What to show with an answer asked at `answeredRevision`: clicks it lacks, and toasts it speaks for. */
    shown(answer: PanelAnswer | null, answeredRevision: number) {
      const overlays = [...state.overlays.values()].filter((o) => o.settledAt > answeredRevision);
      const toasts = state.toasts.map((t) => tracked(t, answer, answeredRevision));
      for (const toast of toasts)
        if (toast.state === 'rejected' || toast.state === 'undo_refused') reporting.add(toast.clickId);
      return { overlays, toasts };
    },
    log(kr: KeyResultView, accountId: string): void {
      const clickId = crypto.randomUUID();
      const pending = { keyResultId: kr.id, accountId, delta: kr.quickLog.delta };
      withOverlay(clickId, { ...pending, settledAt: Number.POSITIVE_INFINITY }, pending);
      set({
        toasts: [
          ...state.toasts,
          {
            clickId,
            outcomeId: null,
            storedAt: Number.POSITIVE_INFINITY,
            reason: null,
            label: kr.quickLog.label,
            keyResultTitle: kr.title,
            move: { keyResultId: kr.id, delta: kr.quickLog.delta },
            state: 'saving',
            message: null,
          },
        ],
      });
      request('outcome/log', { keyResultId: kr.id, accountId }).then(
        ({ outcome }) => {
          const settledAt = refresh();
          if (state.overlays.has(clickId)) withOverlay(clickId, { ...pending, settledAt });
          updateToast(clickId, { outcomeId: outcome.id, state: 'queued', storedAt: settledAt });
          const timer = setTimeout(() => {
            timers.delete(timer);
            if (!reporting.has(clickId)) dismiss(clickId);
          }, UNDO_WINDOW_MS);
          timers.add(timer);
        },
        (error: Error) => {
          withOverlay(clickId, null, { ...pending, delta: -pending.delta });
          updateToast(clickId, { state: 'failed', message: error.message });
        },
      );
    },
    undo(toast: Toast): void {
      if (!toast.outcomeId) return;
      // Counted before asking: the background's answer may show the undo before this request settles.
      set({ moves: moved(toast.move.keyResultId, -toast.move.delta) });
      updateToast(toast.clickId, { state: 'undoing' });
      request('outcome/undo', { outcomeId: toast.outcomeId }).then(
        () => {
          updateToast(toast.clickId, { state: 'undone' });
          refresh();
        },
        (error: Error) => {
          set({ moves: moved(toast.move.keyResultId, toast.move.delta) });
          updateToast(toast.clickId, { message: error.message });
        },
      );
    },
    note(toast: Toast, text: string): void {
      if (!toast.outcomeId) return;
      request('outcome/note', { outcomeId: toast.outcomeId, note: text }).then(
        ({ outcome }) =>
          updateToast(toast.clickId, { outcomeId: outcome.id, storedAt: refresh(), message: 'Note saved.' }),
        (error: Error) => updateToast(toast.clickId, { message: error.message }),
      );
    },
    dismiss,
    close(): void {
      for (const timer of timers) clearTimeout(timer);
      listeners.clear();
    },
  };
}
