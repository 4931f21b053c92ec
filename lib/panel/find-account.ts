import { findAccounts } from '../cache/account-store.ts';
import type { CacheDb } from '../cache/db.ts';
import { type CachedAccount, crmRefKey } from '../cache/rows.ts';
import { normaliseDomain, normaliseName } from '../crm/account-identity.ts';
import type { CrmName } from '../schemas/entities.ts';
import type { AccountMatch } from './view-types.ts';

/** What the CRM page showed about its account, read by the content script. */
export interface PageIdentity {
  name?: string;
  domain?: string;
}

type FoundAccount =
  | { kind: 'found'; account: CachedAccount; match: AccountMatch }
  | { kind: 'ambiguous'; by: 'website' | 'name'; value: string; count: number }
  | { kind: 'none' };

// More candidates than this are reported as "more than N", never loaded.
const MAX_CANDIDATES = 50;

/** Accounts not yet linked to a record of this CRM: one that is, is that record and not this one. */
function unlinked(rows: CachedAccount[], crm: CrmName): CachedAccount[] {
  const prefix = `${crm}:`;
  return rows.filter((account) => !account.refKeys.some((ref) => ref.startsWith(prefix)));
}

function pick(rows: CachedAccount[], by: 'website' | 'name', value: string): FoundAccount | null {
  const [only] = rows;
  if (rows.length === 1 && only) return { kind: 'found', account: only, match: { by, value } };
  if (rows.length > 1) return { kind: 'ambiguous', by, value, count: rows.length };
  return null;
}

/**
 * The account a CRM page shows: by its record id first; where no account is linked to that id, by
 * the website the page shows, then by the exact name (see `normaliseName`). Two or more accounts
 * sharing the website (or the name) are never picked from: the answer says how many match.
 */
export async function findAccount(
  db: CacheDb,
  crm: CrmName,
  recordId: string,
  page: PageIdentity = {},
): Promise<FoundAccount> {
  const domain = page.domain === undefined ? null : normaliseDomain(page.domain);
  const name = page.name === undefined ? null : normaliseName(page.name);
  // One round of index reads, not three in a row: behind a chain of awaited async functions the name
  // read lost Dexie's transaction zone, and the panel's one transaction committed under it.
  const [linked, byDomain, byName] = await Promise.all([
    findAccounts(db, 'refKeys', crmRefKey(crm, recordId), 1),
    domain ? findAccounts(db, 'domainKeys', domain, MAX_CANDIDATES) : [],
    name ? findAccounts(db, 'nameKeys', name, MAX_CANDIDATES) : [],
  ]);
  const [record] = linked;
  if (record) return { kind: 'found', account: record, match: { by: 'record' } };
  return (
    (domain && pick(unlinked(byDomain, crm), 'website', domain)) ||
    (name && pick(unlinked(byName, crm), 'name', page.name?.trim() ?? name)) || { kind: 'none' }
  );
}
