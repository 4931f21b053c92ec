import type { CacheDb } from '@/lib/cache/db.ts';
import { readSelectorDiagnostics, recordSelectorReport } from '@/lib/diagnostics/selector-store.ts';
import type { Handlers } from '@/lib/messages/router.ts';

/** What CRM pages' readings found or missed, kept for the options page. */
export function createDiagnosticsHandlers(
  db: CacheDb,
): Pick<Handlers, 'diagnostics/report' | 'diagnostics/get'> {
  return {
    async 'diagnostics/report'(report) {
      await recordSelectorReport(db, report, new Date());
      return {};
    },
    'diagnostics/get': () => readSelectorDiagnostics(db),
  };
}
