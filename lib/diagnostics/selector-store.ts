import { type CacheDb, readKv, writeKv } from '../cache/db.ts';
import { ACCOUNT_FIELDS } from '../crm/page-account-fields.ts';
import { CrmName } from '../schemas/entities.ts';
import type { SelectorDiagnostics, SelectorEntry, SelectorReport } from './selector-report.ts';

const KEY = 'diagnostics.selectors';

type Stored = Record<string, SelectorEntry>;

/**
 * Keeps only the latest result per CRM and field, so the store is bounded by the number of CRMs
 * times the fields read (the payload schema admits nothing else).
 */
export async function recordSelectorReport(db: CacheDb, report: SelectorReport, now: Date): Promise<void> {
  await db.transaction('rw', db.kv, async () => {
    const stored = (await readKv<Stored>(db, KEY)) ?? {};
    for (const field of report.fields) {
      stored[`${report.crm}:${field.field}`] = {
        ...field,
        crm: report.crm,
        urlShape: report.urlShape,
        at: now.toISOString(),
      };
    }
    await writeKv(db, KEY, stored);
  });
}

/** Failures first, then by CRM and field, so what needs attention is on top. */
export async function readSelectorDiagnostics(db: CacheDb): Promise<SelectorDiagnostics> {
  const stored = (await readKv<Stored>(db, KEY)) ?? {};
  const crmOrder = CrmName.options;
  const entries = Object.values(stored).sort(
    (a, b) =>
      Number(a.found) - Number(b.found) ||
      crmOrder.indexOf(a.crm) - crmOrder.indexOf(b.crm) ||
      ACCOUNT_FIELDS.indexOf(a.field) - ACCOUNT_FIELDS.indexOf(b.field),
  );
  return { entries };
}
