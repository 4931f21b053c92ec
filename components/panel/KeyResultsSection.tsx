import type { KeyResultView, ObjectiveGroup, OutboxEntry } from '@/lib/panel/view-types.ts';
import { KeyResultRow } from './KeyResultRow.tsx';

const LEVEL_LABEL = { company: 'Company', team: 'Team', individual: 'Individual' } as const;

interface KeyResultsSectionProps {
  objectives: ObjectiveGroup[];
  outbox: OutboxEntry[];
  onLog: (kr: KeyResultView) => void;
  now: Date;
  /** Key results whose value just changed under the user's eyes. */
  newIds: readonly string[];
}

export function KeyResultsSection({ objectives, outbox, onLog, now, newIds }: KeyResultsSectionProps) {
  const reasonOf = (krId: string, state: OutboxEntry['state']) =>
    outbox.find((entry) => entry.keyResultId === krId && entry.state === state)?.reason ?? null;
  return (
    <section className="gl-section" aria-labelledby="gl-krs-heading">
      <h3 id="gl-krs-heading" className="gl-section__title">
        Key results
      </h3>
      {objectives.length === 0 && <p className="gl-muted">No key results are linked to this account.</p>}
      {objectives.map((objective) => (
        <div key={objective.id} className="gl-objective">
          <h4 className="gl-objective__title">
            {objective.title}
            <span className="gl-chip">{LEVEL_LABEL[objective.level]}</span>
          </h4>
          <ul className="gl-list">
            {objective.keyResults.map((kr) => (
              <KeyResultRow
                key={kr.id}
                kr={kr}
                rejection={reasonOf(kr.id, 'rejected')}
                undoRefusal={reasonOf(kr.id, 'undo_refused')}
                onLog={onLog}
                now={now}
                isNew={newIds.includes(kr.id)}
              />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
