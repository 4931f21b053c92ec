import { normaliseDomain, normaliseName } from '../crm/account-identity.ts';
import { toSalesforceId18 } from '../crm/salesforce-id.ts';
import type { Account, CrmName, KeyResult, Metric } from '../schemas/entities.ts';
import type { ValidChange } from '../sync/validate-changes.ts';

// The cache's row types and the mappers from wire entities to rows: the one module every part of the
// cache (the database, the account blocks, the staging of a full resync) takes its layout from.

/**
 * Cached rows are the wire entities plus the derived keys the panel's lookups need indexes on.
 * `domainKey` and `nameKey` are left out when the account has no usable domain or name, so such
 * accounts are simply not in those indexes.
 */
export type CachedAccount = Account & { refKeys: string[]; domainKey?: string; nameKey?: string };
export type CachedKeyResult = KeyResult & { linkAccountIds: string[]; linkTierIds: string[] };
export type CachedMetric = Metric & { id: string };

export interface KvRow {
  key: string;
  value: unknown;
}

export function crmRefKey(crm: CrmName, recordId: string): string {
  const id = crm === 'salesforce' ? (toSalesforceId18(recordId) ?? recordId) : recordId;
  return `${crm}:${id}`;
}

/** The keys a CRM page's website and name are looked up by (see `account-identity.ts`). */
export function identityKeys(account: Pick<Account, 'name' | 'domain'>): {
  domainKey?: string;
  nameKey?: string;
} {
  const domainKey = account.domain === undefined ? null : normaliseDomain(account.domain);
  const nameKey = normaliseName(account.name);
  return { ...(domainKey ? { domainKey } : {}), ...(nameKey ? { nameKey } : {}) };
}

export function toCachedAccount(account: Account): CachedAccount {
  return {
    ...account,
    refKeys: account.crmRefs.map((ref) => crmRefKey(ref.crm, ref.id)),
    ...identityKeys(account),
  };
}

export function toCachedKeyResult(kr: KeyResult): CachedKeyResult {
  return { ...kr, linkAccountIds: kr.scope.accountIds ?? [], linkTierIds: kr.scope.tierIds ?? [] };
}

/**
 * One account's cached data: the account (absent while only its metrics have arrived) and its
 * metrics, one per key.
 */
export interface AccountEntry {
  id: string;
  account?: CachedAccount;
  metrics: CachedMetric[];
}

/**
 * Accounts are stored a block of entries per IndexedDB row, with the keys the panel and the book
 * view look accounts up by gathered into multi-entry indexes. Chromium spends most of a write on
 * each row it stores, far less on each index entry: writing 50 000 accounts as blocks takes a
 * fraction of the time 50 000 rows (plus 100 000 metric rows) did, so a first sync fits its budget.
 */
export interface AccountBlock {
  id: number;
  entries: AccountEntry[];
  ids: string[];
  refKeys: string[];
  domainKeys: string[];
  nameKeys: string[];
  arrs: number[];
}

/** One staged page's changes for one bucket of accounts (see `sync/staging.ts`). */
export interface StagedChanges {
  bucket: number;
  page: number;
  changes: ValidChange[];
  /** Account ids the page met first, in feed order (only in the rows that keep the bucket order). */
  ids?: string[];
}
