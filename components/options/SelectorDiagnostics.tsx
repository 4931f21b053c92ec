import { useEffect, useState } from 'react';
import type { SelectorDiagnostics as Diagnostics } from '@/lib/diagnostics/selector-report.ts';
import { formatAge } from '@/lib/format/relative-time.ts';
import type { MessageClient } from '@/lib/messages/client.ts';
import { crmLabel } from '@/lib/settings/crm-label.ts';

const REFRESH_MS = 5000;

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
  const now = new Date();
  return (
    <section aria-labelledby="selector-diagnostics-title">
      <h2 id="selector-diagnostics-title">Diagnostics: CRM page reading</h2>
      {!diagnostics || diagnostics.entries.length === 0 ? (
        <p className="hint">No CRM account page read yet.</p>
      ) : (
        <table data-testid="selector-diagnostics">
          <thead>
            <tr>
              <th scope="col">CRM</th>
              <th scope="col">Field</th>
              <th scope="col">Result</th>
              <th scope="col">Page</th>
              <th scope="col">Reported</th>
            </tr>
          </thead>
          <tbody>
            {diagnostics.entries.map((entry) => {
              const hit = entry.tried.find((probe) => probe.found);
              return (
                <tr key={`${entry.crm}:${entry.field}`} className={entry.found ? undefined : 'error'}>
                  <td>{crmLabel(entry.crm)}</td>
                  <td>{entry.field}</td>
                  <td>
                    {hit ? (
                      `Found by ${hit.probe}`
                    ) : (
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
                    )}
                  </td>
                  <td>
                    <code>{entry.urlShape}</code>
                  </td>
                  <td>{formatAge(entry.at, now)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
