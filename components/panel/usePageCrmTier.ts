import { useEffect, useState } from 'react';
import type { PageAccount } from '@/lib/crm/read-page-account.ts';
import type { CrmName } from '@/lib/crm/types.ts';

/** The CRM page's own fields, as the content script sees them in the DOM. */
export interface PageFieldSource {
  /** The value shown for the field labelled `label`, or null; never throws. */
  read(crm: CrmName, label: string): string | null;
  /** Calls back after the page's DOM changed; returns how to stop. */
  watch(onChange: () => void): () => void;
  /** The account's name and website as the page shows them, with what each probe found; never throws. */
  readAccount?(crm: CrmName): PageAccount;
  /** The page's URL with ids and names taken out, for diagnostics. */
  urlShape?(): string;
}

/**
 * The tier the CRM page shows in its field labelled `label`. Read after the panel renders, never while
 * it renders, and again whenever the page changes: CRMs render fields after the URL changes. A field
 * that disappears (the user opened another tab of the record) keeps its last value for that record
 * rather than flipping the flag back to the synced tier.
 */
export function usePageCrmTier(
  source: PageFieldSource | undefined,
  crm: CrmName,
  recordId: string,
  label: string,
): string | undefined {
  const key = `${crm}:${recordId}:${label}`;
  const [seen, setSeen] = useState<{ key: string; value: string } | null>(null);
  useEffect(() => {
    if (!source) return;
    const read = () => {
      const value = source.read(crm, label);
      if (value === null) return;
      setSeen((previous) => (previous?.key === key && previous.value === value ? previous : { key, value }));
    };
    read();
    return source.watch(read);
  }, [source, crm, label, key]);
  return source && seen?.key === key ? seen.value : undefined;
}
