import { formatAge } from '@/lib/format/relative-time.ts';
import type { SyncStatus } from '@/lib/sync/status.ts';

const STATE_LABEL = {
  never: 'Never synced',
  syncing: 'Syncing…',
  ok: 'Up to date',
  error: 'Sync failed',
} as const;

export function SyncStatusView({ status, now }: { status: SyncStatus; now: Date }) {
  const { counts } = status;
  return (
    <div className="sync-status" data-testid="sync-status">
      <p>
        <strong>{STATE_LABEL[status.state]}</strong>
        {status.lastSuccessAt && <> · last synced {formatAge(status.lastSuccessAt, now)}</>}
      </p>
      {status.lastError && (
        <p className="error" role="alert">
          {status.lastError.message}
          {status.nextRetryAt && <> Next retry at {new Date(status.nextRetryAt).toLocaleTimeString()}.</>}
        </p>
      )}
      <p>
        {counts.accounts} accounts · {counts.keyResults} key results · {counts.metrics} metrics ·{' '}
        {counts.tiers} tiers · {counts.objectives} objectives · {counts.users} people
      </p>
      {status.problems.length > 0 && (
        <div className="warning">
          <p>
            {status.problems.length} invalid record(s) from the backend were skipped; their last good version
            is kept:
          </p>
          <ul>
            {status.problems.map((p) => (
              <li key={`${p.type}:${p.id}:${p.field}`}>
                {p.type} <code>{p.id}</code> — {p.field}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
