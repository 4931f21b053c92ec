import { formatAge } from '@/lib/format/relative-time.ts';
import type { SyncSummary } from '@/lib/panel/view-types.ts';

/** How old the data is and whether syncing works, so nobody acts on stale numbers unknowingly. */
export function PanelFooter({ sync, now }: { sync: SyncSummary; now: Date }) {
  return (
    <footer className="gl-footer" data-testid="panel-footer">
      <div>{sync.lastSuccessAt ? `Synced ${formatAge(sync.lastSuccessAt, now)}` : 'Not synced yet'}</div>
      {sync.stale && sync.lastSuccessAt && (
        <div className="gl-warning" role="status">
          Data may be out of date.
        </div>
      )}
      {sync.error && (
        <div className="gl-error" role="alert">
          Sync failed: {sync.error.message} Showing the last synced data.
        </div>
      )}
      {sync.problems.length > 0 && (
        <div className="gl-warning" role="status">
          <div>Some records from the backend were invalid and were not applied:</div>
          <ul className="gl-problems">
            {sync.problems.map((p) => (
              <li key={`${p.type}:${p.id}:${p.field}`}>
                {p.type} {p.id}, {p.field}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </footer>
  );
}
