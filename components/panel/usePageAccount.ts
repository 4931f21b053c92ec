import { useEffect, useRef, useState } from 'react';
import type { FieldReport } from '@/lib/crm/read-page-account.ts';
import type { CrmName } from '@/lib/crm/types.ts';
import type { SelectorReport } from '@/lib/diagnostics/selector-report.ts';
import type { PageFieldSource } from './usePageCrmTier.ts';

export interface PageIdentity {
  name?: string;
  domain?: string;
}

const signature = (identity: PageIdentity): string => `${identity.name ?? ''}\n${identity.domain ?? ''}`;
const reportSignature = (crm: CrmName, shape: string, fields: FieldReport[]): string =>
  JSON.stringify([crm, shape, fields]);

/**
 * The account's name and website domain as the CRM page shows them, re-read when the page changes
 * (CRMs render a record's fields after its URL changed). Every reading's probe results go to
 * `onReport` when they differ from the last ones sent, so drift shows up in the diagnostics.
 *
 * Right after an in-app navigation the DOM may still show the previous record: a reading equal to
 * the previous record's is not trusted for the new one until the page shows something else.
 */
export function usePageAccount(
  source: PageFieldSource | undefined,
  crm: CrmName,
  recordId: string,
  onReport?: (report: SelectorReport) => void,
): PageIdentity | undefined {
  const key = `${crm}:${recordId}`;
  const [state, setState] = useState<{ key: string; identity: PageIdentity } | null>(null);
  const last = useRef<{ key: string; signature: string } | null>(null);
  const lastReport = useRef('');
  useEffect(() => {
    const readAccount = source?.readAccount;
    if (!source || !readAccount) return;
    const stale = last.current && last.current.key !== key ? last.current.signature : null;
    let trusted = false;
    const read = () => {
      const reading = readAccount(crm);
      const shape = source.urlShape?.() ?? '';
      const reported = reportSignature(crm, shape, reading.reports);
      if (onReport && reported !== lastReport.current) {
        lastReport.current = reported;
        onReport({ crm, urlShape: shape, fields: reading.reports });
      }
      const identity: PageIdentity = {
        ...(reading.name ? { name: reading.name } : {}),
        ...(reading.domain ? { domain: reading.domain } : {}),
      };
      const sig = signature(identity);
      if (!trusted && stale !== null && sig === stale) return;
      trusted = true;
      last.current = { key, signature: sig };
      setState((previous) =>
        previous?.key === key && signature(previous.identity) === sig ? previous : { key, identity },
      );
    };
    read();
    return source.watch(read);
  }, [source, crm, key, onReport]);
  return state?.key === key ? state.identity : undefined;
}
