// Type-only import: this folder ships in the content script, which must not pull zod into its bundle.
import type { CrmName } from '../schemas/entities.ts';

export type { CrmName };

export interface AccountPage {
  crm: CrmName;
  recordId: string;
}

/** Returns the normalised id of the account/company the URL shows, or null for any other page. */
type AccountDetector = (url: URL) => string | null;

/** One CRM's entry in the registry: adding a CRM is one file exporting this plus one registry line. */
export interface CrmDetector {
  crm: CrmName;
  /** Chrome match patterns the content script must run on (manifest and detection share this list). */
  hostPatterns: readonly string[];
  /** Decides which detector owns a URL; `hostname` is already lower-cased and punycoded by `URL`. */
  hostMatches(hostname: string): boolean;
  /** The path and query rules; the host is already known to be this CRM's. */
  detect: AccountDetector;
  /**
   * The rules on a domain of the customer's own (a vanity domain, an on-premises server), for CRMs
   * that can be served from one; only those CRMs can be given a custom domain.
   */
  detectOnCustomHost?: AccountDetector;
}
