import { formatDate, formatKeyResultValue, formatPercent } from '@/lib/format/values.ts';
import { checkInText } from '@/lib/panel/check-in-text.ts';
import type { KeyResultView } from '@/lib/panel/view-types.ts';
import { onlyByUser } from './user-gesture.ts';

const PACE_LABEL = { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track' } as const;

interface KeyResultRowProps {
  kr: KeyResultView;
  rejection: string | null;
  undoRefusal: string | null;
  onLog: (kr: KeyResultView) => void;
  now: Date;
  /** The value just changed under the user's eyes: marked for a moment. */
  isNew: boolean;
}

export function KeyResultRow({ kr, rejection, undoRefusal, onLog, now, isNew }: KeyResultRowProps) {
  const barWidth = Math.max(0, Math.min(1, kr.progress)) * 100;
  return (
    <li className="gl-kr" data-testid="key-result">
      <div className="gl-kr__head">
        <div className="gl-kr__title">{kr.title}</div>
        <button
          type="button"
          className="gl-log"
          onClick={onlyByUser(() => onLog(kr))}
          aria-label={`Log “${kr.quickLog.label}” on ${kr.title}`}
        >
          {kr.quickLog.label}
        </button>
      </div>
      <div className="gl-kr__numbers">
        <span className={isNew ? 'gl-new' : undefined} data-new={isNew || undefined}>
          {formatKeyResultValue(kr.unit, kr.current)}{' '}
          {kr.unit !== 'boolean' && (
            <span className="gl-muted">
              {kr.direction === 'decrease' ? 'down to' : 'of'} {formatKeyResultValue(kr.unit, kr.target)}
            </span>
          )}
        </span>
        <span className={`gl-pace gl-pace--${kr.pace.status}`}>{PACE_LABEL[kr.pace.status]}</span>
      </div>
      <div
        className="gl-bar"
        role="progressbar"
        aria-label={`${kr.title} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(kr.progress * 100)}
        aria-valuetext={formatPercent(kr.progress)}
      >
        <div className={`gl-bar__fill gl-bar__fill--${kr.pace.status}`} style={{ width: `${barWidth}%` }} />
      </div>
      <div className="gl-kr__meta gl-muted">
        <span>{formatPercent(kr.progress)}</span>
        {kr.dueDate && <span>Due {formatDate(kr.dueDate)}</span>}
        {kr.ownerName && <span>{kr.ownerName}</span>}
        {kr.confidence !== null && <span>Confidence {kr.confidence}/10</span>}
        <span>{kr.linkedBy === 'tier' ? 'Via tier' : 'This account'}</span>
        {kr.linkedBy === 'tier' && kr.accountContribution !== 0 && (
          <span data-testid="account-contribution">
            This account: {kr.accountContribution > 0 ? '+' : ''}
            {formatKeyResultValue(kr.unit, kr.accountContribution)} this period
          </span>
        )}
      </div>
      {kr.lastCheckIn && (
        <div className="gl-kr__checkin gl-muted" data-testid="last-check-in">
          {checkInText(kr.lastCheckIn, kr.unit, now)}
        </div>
      )}
      {rejection && (
        <div className="gl-error" role="alert">
          An outcome was rejected and rolled back: {rejection}
        </div>
      )}
      {undoRefusal && (
        <div className="gl-error" role="alert" data-testid="undo-refused">
          An undo was refused, so the outcome still counts: {undoRefusal}
        </div>
      )}
    </li>
  );
}
