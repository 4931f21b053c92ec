import { useEffect, useState } from 'react';
import type { SelectorDiagnostics as Diagnostics } from '@/lib/diagnostics/selector-report.ts';
import { formatAge } from '@/lib/format/relative-time.ts';
import type { MessageClient } from '@/lib/messages/client.ts';
import { crmLabel } from '@/lib/settings/crm-label.ts';
import { type Column, DataTable } from '../table/DataTable.tsx';

const REFRESH_MS = 5000;

type Entry = Diagnostics['entries'][number];

function result(entry: Entry) {
  const hit = entry.tried.find((probe) => probe.found);
  if (hit) return `Found by ${hit.probe}`;
  return (
    <>
      Not found. Tried:
      <ul>
        {entry.tried.map((probe) => (
          <li key={probe.probe}>
            <code>{probe.probe}</code>
            {probe.error ? ` (${probe.error})` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

const columns = (now: Date): Column<Entry>[] => [
  { header: 'CRM', cell: (entry) => crmLabel(entry.crm) },
  { header: 'Field', cell: (entry) => entry.field },
  { header: 'Result', cell: result },
  { header: 'Page', cell: (entry) => <code>{entry.urlShape}</code> },
  { header: 'Reported', cell: (entry) => formatAge(entry.at, now) },
];

/**
 * What the panel last managed to read on each CRM's account pages. A failed field names every
 * selector tried, so a CRM redesign is visible here rather than as a panel that quietly matches less.
 */
export function SelectorDiagnostics({ request }: { request: MessageClient }) {
  const [diagnostics, setDiagnostics] = useState<Diagnostics | null>(null);
  useEffect(() => {
    const load = () => void request('diagnostics/get', {}).then(setDiagnostics, () => undefined);
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [request]);
  return (
    <section aria-labelledby="selector-diagnostics-title">
      <h2 id="selector-diagnostics-title">Diagnostics: CRM page reading</h2>
      {!diagnostics || diagnostics.entries.length === 0 ? (
        <p className="hint">No CRM account page read yet.</p>
      ) : (
        <div data-testid="selector-diagnostics">
          <DataTable
            caption="What the panel last read on each CRM"
            hideCaption
            columns={columns(new Date())}
            rows={diagnostics.entries}
            rowKey={(entry) => `${entry.crm}:${entry.field}`}
            rowProps={(entry) => ({ className: entry.found ? undefined : 'error' })}
          />
        </div>
      )}
    </section>
  );
}
