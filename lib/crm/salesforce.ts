import { pathSegments } from './path.ts';
import { toSalesforceId18 } from './salesforce-id.ts';
import type { CrmDetector } from './types.ts';

// Key prefix of the Account object (business and person accounts alike).
const ACCOUNT_KEY_PREFIX = '001';
// Lightning: <domain>.lightning.force.com plus the enhanced-domain partitions that sit under it:
// <domain>--<sbx>.sandbox., <domain>.develop., <domain>.scratch., and so on.
const LIGHTNING_SUFFIX = '.lightning.force.com';
// My Domain login/Classic host, also partitioned (<domain>--<sbx>.sandbox.my.salesforce.com, ...).
const MY_DOMAIN_SUFFIX = '.my.salesforce.com';
// Classic instance hosts from before My Domain became mandatory: na1, eu12, cs42, usa226s...
// A bare label (www, help, login, trailhead) is never an org, so a digit is required.
const INSTANCE_HOST = /^[a-z]{2,3}\d{1,3}s?\.salesforce\.com$/;

function accountId(candidate: string | undefined): string | null {
  const id = candidate === undefined ? null : toSalesforceId18(candidate);
  return id?.startsWith(ACCOUNT_KEY_PREFIX) ? id : null;
}

/** The record page itself or one of its related lists; edit/clone modals and other actions are not. */
function isRecordView(action: string[]): boolean {
  const [first, list, last] = action;
  if (action.length === 1) return first === 'view';
  return action.length === 3 && first === 'related' && list !== '' && last === 'view';
}

/**
 * `/lightning/r/Account/<id>/view`, or `/lightning/r/<id>/view` where only the key prefix tells the object.
 * Lightning opens a record URL that stops at the id (`/lightning/r/Account/<id>`, with or without a
 * trailing slash) as the record's view, so no action at all counts as the view.
 */
function fromLightningPath(path: string): string | null {
  const [root, kind, ...record] = pathSegments(path);
  if (root !== 'lightning' || kind !== 'r') return null;
  const [objectName, ...afterObject] = record;
  const [id, ...action] = objectName?.toLowerCase() === 'account' ? afterObject : record;
  return action.length === 0 || isRecordView(action) ? accountId(id) : null;
}

/*
 * Lightning console apps keep the focused tab in the path and its enclosing workspace tab in `ws`.
 * Only the path counts: a contact or case opened as a subtab of an account's workspace is a contact or
 * case page, and the panel belongs to the account's own tab.
 */

/** Pre-2018 Lightning: `/one/one.app#/sObject/<id>/view` (the route lives in the fragment). */
function fromOneApp(url: URL): string | null {
  if (url.pathname !== '/one/one.app') return null;
  const [route = ''] = url.hash.slice(1).split('?');
  const [kind, id, ...action] = pathSegments(route);
  if (kind !== 'sObject') return null;
  return action.length === 0 || isRecordView(action) ? accountId(id) : null;
}

/** Classic: the record id is the whole path (`/001.../e` edits, `/001/o` is the Accounts tab). */
function fromClassicPath(path: string): string | null {
  const parts = pathSegments(path);
  return parts.length === 1 ? accountId(parts[0]) : null;
}

function detectAccount(url: URL): string | null {
  return fromLightningPath(url.pathname) ?? fromOneApp(url) ?? fromClassicPath(url.pathname);
}

export const salesforce: CrmDetector = {
  crm: 'salesforce',
  hostPatterns: ['https://*.lightning.force.com/*', 'https://*.salesforce.com/*'],
  hostMatches: (hostname) =>
    hostname.endsWith(LIGHTNING_SUFFIX) ||
    hostname.endsWith(MY_DOMAIN_SUFFIX) ||
    INSTANCE_HOST.test(hostname),
  detect: detectAccount,
  // A custom (vanity) domain in front of an org serves the same paths.
  detectOnCustomHost: detectAccount,
};
