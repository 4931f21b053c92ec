import { type ReactNode, useId } from 'react';
import type { NewValues, OwnMove } from '@/lib/panel/new-values.ts';
import type { PanelState } from '@/lib/panel/session.ts';
import type { KeyResultView } from '@/lib/panel/view-types.ts';
import { AccountHeader } from './AccountHeader.tsx';
import { HealthSection } from './HealthSection.tsx';
import { KeyResultsSection } from './KeyResultsSection.tsx';
import { AmbiguousNote, MatchNote } from './MatchNote.tsx';
import { useNewMarks } from './new-marks.ts';
import { PanelFooter } from './PanelFooter.tsx';

interface PanelProps {
  state: PanelState;
  collapsed: boolean;
  onToggle: () => void;
  now: Date;
  onLog: (kr: KeyResultView) => void;
  /** The moves of values this panel caused itself, which are not marked as new. */
  ownMoves: readonly OwnMove[];
  toasts: ReactNode;
}

function PanelBody({
  state,
  now,
  onLog,
  marks,
}: {
  state: PanelState;
  now: Date;
  onLog: (kr: KeyResultView) => void;
  marks: NewValues;
}) {
  if (state.status === 'loading') return <p className="gl-muted">Loading…</p>;
  if (state.status === 'error') {
    return (
      <p className="gl-error" role="alert">
        {state.message}
      </p>
    );
  }
  const { answer } = state;
  return (
    <>
      {answer.kind === 'not_configured' && (
        <p className="gl-muted">Goal Lens is not signed in. Open the extension's options to sign in.</p>
      )}
      {answer.kind === 'unknown' && (
        <p className="gl-muted" data-testid="not-in-goal-lens">
          This account is not in Goal Lens.
        </p>
      )}
      {answer.kind === 'ambiguous' && (
        <AmbiguousNote by={answer.by} value={answer.value} count={answer.count} />
      )}
      {answer.kind === 'account' && (
        <>
          <AccountHeader view={answer.view} tierIsNew={marks.tier} />
          <MatchNote match={answer.match} />
          <KeyResultsSection
            objectives={answer.view.objectives}
            outbox={answer.view.outbox}
            onLog={onLog}
            now={now}
            newIds={marks.keyResults}
          />
          <HealthSection health={answer.view.health} newKeys={marks.metrics} />
        </>
      )}
      <PanelFooter sync={answer.sync} now={now} />
    </>
  );
}

export function Panel({ state, collapsed, onToggle, now, onLog, ownMoves, toasts }: PanelProps) {
  const bodyId = useId();
  const view = state.status === 'ready' && state.answer.kind === 'account' ? state.answer.view : null;
  const marks = useNewMarks(view, ownMoves);
  return (
    <section
      className={`gl-panel${collapsed ? ' gl-panel--collapsed' : ''}`}
      // biome-ignore lint/a11y/noRedundantRoles: tools outside the project look for an explicit role="region".
      role="region"
      aria-label="Goal Lens"
    >
      <header className="gl-panel__bar">
        <span className="gl-panel__brand">Goal Lens</span>
        <button
          type="button"
          className="gl-button"
          aria-expanded={!collapsed}
          aria-controls={bodyId}
          onClick={onToggle}
        >
          {collapsed ? 'Show' : 'Hide'}
          <span className="visually-hidden"> Goal Lens panel</span>
        </button>
      </header>
      <div id={bodyId} className="gl-panel__body" hidden={collapsed}>
        <PanelBody state={state} now={now} onLog={onLog} marks={marks} />
      </div>
      {/* What a teammate changed is said once, without interrupting (SPEC §11). */}
      <p className="visually-hidden" aria-live="polite" data-testid="live-announcement">
        {marks.names.length > 0 ? `Updated: ${marks.names.join(', ')}.` : ''}
      </p>
      {toasts}
    </section>
  );
}
