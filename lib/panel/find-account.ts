import { findAccounts } from '../cache/block-reader.ts';
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

async function candidates(
  db: CacheDb,
  index: 'domainKeys' | 'nameKeys',
  key: string,
  crm: CrmName,
): Promise<CachedAccount[]> {
  const rows = await findAccounts(db, index, key, MAX_CANDIDATES);
  // An account already linked to another record of this CRM is that record, not this one.
  const prefix = `${crm}:`;
  return rows.filter((account) => !account.refKeys.some((ref) => ref.startsWith(prefix)));
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
  const [linked] = await findAccounts(db, 'refKeys', crmRefKey(crm, recordId), 1);
  if (linked) return { kind: 'found', account: linked, match: { by: 'record' } };
  const domain = page.domain === undefined ? null : normaliseDomain(page.domain);
  if (domain) {
    const byDomain = await candidates(db, 'domainKeys', domain, crm);
    const [only] = byDomain;
    if (byDomain.length === 1 && only)
      return { kind: 'found', account: only, match: { by: 'website', value: domain } };
    if (byDomain.length > 1)
      return { kind: 'ambiguous', by: 'website', value: domain, count: byDomain.length };
  }
  const name = page.name === undefined ? null : normaliseName(page.name);
  if (name) {
    const byName = await candidates(db, 'nameKeys', name, crm);
    const [only] = byName;
    if (byName.length === 1 && only)
      return { kind: 'found', account: only, match: { by: 'name', value: page.name?.trim() ?? name } };
    if (byName.length > 1)
      return { kind: 'ambiguous', by: 'name', value: page.name?.trim() ?? name, count: byName.length };
  }
  return { kind: 'none' };
}
