// Types only: the content script sends these, and must stay free of zod and Dexie.
import type { FieldReport } from '../crm/read-page-account.ts';
import type { CrmName } from '../crm/types.ts';

/**
 * What one reading of a CRM page found, per field, and which probes (selectors, field labels) it
 * tried. Carries no customer data: no names, no values, no ids; the page only as its URL shape.
 */
export interface SelectorReport {
  crm: CrmName;
  urlShape: string;
  fields: FieldReport[];
}

/** The latest report for one CRM and field, with when the background received it. */
export interface SelectorEntry extends FieldReport {
  crm: CrmName;
  urlShape: string;
  at: string;
}

export interface SelectorDiagnostics {
  entries: SelectorEntry[];
}
