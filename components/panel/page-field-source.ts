import { urlShape } from '@/lib/crm/path-shape.ts';
import { readPageAccount } from '@/lib/crm/read-page-account.ts';
import { readPageField } from '@/lib/crm/read-page-field.ts';
import { watchPage } from '@/lib/crm/watch-page.ts';
import type { PageFieldSource } from '@/lib/panel/page-reading.ts';

/** The CRM's own page, read for its fields; the panel lives in a shadow root this never sees. */
export function documentFieldSource(doc: Document): PageFieldSource {
  return {
    read: (crm, label) => readPageField(doc, crm, label),
    watch: (onChange) => watchPage(doc.documentElement, onChange),
    readAccount: (crm) => readPageAccount(doc, crm),
    urlShape: () => urlShape(doc.location?.href ?? ''),
  };
}
