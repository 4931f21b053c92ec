import { formatDate, formatMetricValue } from '@/lib/format/values.ts';
import type { HealthView } from '@/lib/panel/view-types.ts';
import { Sparkline } from './Sparkline.tsx';

const PERSPECTIVE_LABEL = {
  financial: 'Financial',
  customer: 'Customer',
  internal: 'Internal process',
  learning: 'Learning & growth',
} as const;
const STATUS_LABEL = { good: 'Good', warn: 'Warn', bad: 'Bad' } as const;

function band(score: number): 'good' | 'warn' | 'bad' {
  if (score >= 75) return 'good';
  if (score >= 50) return 'warn';
  return 'bad';
}

/** `newKeys`: metrics whose value or as-of date just changed under the user's eyes. */
export function HealthSection({ health, newKeys = [] }: { health: HealthView; newKeys?: readonly string[] }) {
  return (
    <section className="gl-section" aria-labelledby="gl-health-heading">
      <h3 id="gl-health-heading" className="gl-section__title">
        Health
      </h3>
      {health.score === null ? (
        <p className="gl-muted">No health metrics for this account yet.</p>
      ) : (
        <div className="gl-health__summary">
          <span className={`gl-score gl-score--${band(health.score)}`} data-testid="health-score">
            {Math.round(health.score)}
          </span>
          <span className="gl-muted">/ 100</span>
          <Sparkline values={health.trend} label="Health score" higherIsBetter />
          {health.drag && (
            <span className="gl-health__drag">
              Dragged down most by <strong>{health.drag.label}</strong>
            </span>
          )}
        </div>
      )}
      {health.perspectives.map((p) => (
        <div key={p.perspective} className="gl-perspective" data-testid={`perspective-${p.perspective}`}>
          <div className="gl-perspective__head">
            <span>{PERSPECTIVE_LABEL[p.perspective]}</span>
            <span className="gl-muted">{p.score === null ? 'No data' : Math.round(p.score)}</span>
          </div>
          <ul className="gl-list">
            {p.metrics.map((m) => (
              <li key={m.key} className="gl-metric">
                <span className="gl-metric__label">{m.label}</span>
                <Sparkline values={m.trend} label={m.label} higherIsBetter={m.higherIsBetter} />
                <span
                  className={`gl-metric__value${newKeys.includes(m.key) ? ' gl-new' : ''}`}
                  data-new={newKeys.includes(m.key) || undefined}
                >
                  {formatMetricValue(m.unit, m.value)}
                </span>
                <span className={`gl-status gl-status--${m.status}`}>{STATUS_LABEL[m.status]}</span>
                <span className="gl-metric__asof gl-muted" data-testid="metric-as-of">
                  as of {formatDate(m.asOf)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
