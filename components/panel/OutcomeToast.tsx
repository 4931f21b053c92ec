import { type FormEvent, type KeyboardEvent, useState } from 'react';
import type { Toast } from '@/lib/panel/outcome-log.ts';
import { onlyByUser } from './user-gesture.ts';

const STATE_TEXT: Record<Toast['state'], string> = {
  saving: 'Saving…',
  queued: 'Queued: it will be sent as soon as the backend is reachable.',
  sent: 'Sent.',
  rejected: 'Rejected by the backend and rolled back.',
  undoing: 'Undoing…',
  undone: 'Undone.',
  undo_refused: 'Undo refused by the backend: the outcome still counts.',
  failed: 'Not logged.',
};

interface OutcomeToastProps {
  toast: Toast;
  onUndo: () => void;
  onNote: (note: string) => void;
  onDismiss: () => void;
}

/** Confirms a one-click log, offers Undo, and takes an optional note without slowing the click. */
export function OutcomeToast({ toast, onUndo, onNote, onDismiss }: OutcomeToastProps) {
  const [note, setNote] = useState('');
  const [noting, setNoting] = useState(false);
  const canAct =
    toast.outcomeId !== null &&
    !['rejected', 'undone', 'undoing', 'undo_refused', 'failed'].includes(toast.state);
  const save = () => {
    if (!note.trim()) return;
    onNote(note.trim());
    setNoting(false);
  };
  // A submit event is trusted even when a script clicked the button, so the form never saves by
  // itself: the user's own click on Save, or their Enter in the field, does.
  const ignoreSubmit = (event: FormEvent) => event.preventDefault();
  const saveOnEnter = onlyByUser((event: KeyboardEvent) => {
    if (event.key === 'Enter') save();
  });
  return (
    <div className={`gl-toast gl-toast--${toast.state}`} role="status" data-testid="outcome-toast">
      <div>
        Logged “{toast.label}” on {toast.keyResultTitle}.{' '}
        <span data-testid="outcome-state">{STATE_TEXT[toast.state]}</span>
        {toast.reason && <div data-testid="outcome-reason">Reason: {toast.reason}</div>}
        {toast.message && <div className="gl-error">{toast.message}</div>}
      </div>
      {noting ? (
        <form onSubmit={ignoreSubmit} className="gl-toast__note">
          <label>
            Note
            <input
              value={note}
              maxLength={2000}
              onChange={(e) => setNote(e.target.value)}
              onKeyDown={saveOnEnter}
            />
          </label>
          <button type="button" className="gl-link" onClick={onlyByUser(save)}>
            Save note
          </button>
        </form>
      ) : (
        <div className="gl-toast__actions">
          {canAct && (
            <button type="button" className="gl-link" onClick={onlyByUser(onUndo)}>
              Undo
            </button>
          )}
          {canAct && (
            <button type="button" className="gl-link" onClick={onlyByUser(() => setNoting(true))}>
              Add note
            </button>
          )}
          <button type="button" className="gl-link" onClick={onDismiss} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
    </div>
  );
}
