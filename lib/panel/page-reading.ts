import type { PageAccount } from '../crm/read-page-account.ts';
import type { AccountPage, CrmName } from '../crm/types.ts';
import type { SelectorReport } from '../diagnostics/selector-report.ts';

/** The CRM page's own fields, as the DOM shows them; the panel's shadow root is never read. */
export interface PageFieldSource {
  /** The value shown for the field labelled `label`, or null; never throws. */
  read(crm: CrmName, label: string): string | null;
  /** Calls back after the page's DOM changed; returns how to stop. */
  watch(onChange: () => void): () => void;
  /** The account's name and website as the page shows them, with what each probe found; never throws. */
  readAccount(crm: CrmName): PageAccount;
  /** The page's URL with ids and names taken out, for diagnostics. */
  urlShape(): string;
}

/** What the page shows of its account: the tier field's value, the name and the website domain. */
export interface PageReading {
  crmTier?: string;
  name?: string;
  domain?: string;
}

const identityOf = ({ name, domain }: PageReading): string => `${name ?? ''}\n${domain ?? ''}`;

/**
 * Reads one account page now and after every DOM change (CRMs render a record's fields after its URL
 * changed), and calls `onReading` when what it found changed. Every reading's probe results go to
 * `report` when they differ from the last ones sent, so selector drift shows in the diagnostics.
 *
 * A tier field that disappears (the user opened another tab of the record) keeps its last value. Right
 * after an in-app navigation the DOM may still show the previous record: while its name and website
 * equal the previous record's, nothing the page shows (tier field included) is taken for the new one.
 */
export function createPageReader(source: PageFieldSource, report: (selectors: SelectorReport) => void) {
  let lastReport = '';
  let lastIdentity: { key: string; identity: string } | null = null;
  return {
    follow(page: AccountPage, tierLabel: string, onReading: (reading: PageReading) => void): () => void {
      const key = `${page.crm}:${page.recordId}`;
      const stale = lastIdentity && lastIdentity.key !== key ? lastIdentity.identity : null;
      let trusted = false;
      let shown: PageReading = {};
      const read = () => {
        const account = source.readAccount(page.crm);
        const urlShape = source.urlShape();
        const reported = JSON.stringify([page.crm, urlShape, account.reports]);
        if (reported !== lastReport) {
          lastReport = reported;
          report({ crm: page.crm, urlShape, fields: account.reports });
        }
        const identity: PageReading = {
          ...(account.name ? { name: account.name } : {}),
          ...(account.domain ? { domain: account.domain } : {}),
        };
        const previousRecord = !trusted && stale !== null && identityOf(identity) === stale;
        if (!previousRecord) {
          trusted = true;
          lastIdentity = { key, identity: identityOf(identity) };
        }
        const crmTier = previousRecord ? undefined : (source.read(page.crm, tierLabel) ?? shown.crmTier);
        const next: PageReading = previousRecord ? {} : { ...(crmTier ? { crmTier } : {}), ...identity };
        if (next.crmTier === shown.crmTier && identityOf(next) === identityOf(shown)) return;
        shown = next;
        onReading(next);
      };
      read();
      return source.watch(read);
    },
  };
}
