import type { CrmDetector } from './types.ts';

// Dynamics 365 online orgs: <org>.crm.dynamics.com, the number naming the region (crm2 South America,
// crm4 EMEA, crm11 UK, ... crm21). API, admin and portal hosts on dynamics.com have another shape.
const ORG_HOST = /^[a-z0-9-]+\.crm\d{0,2}\.dynamics\.com$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The empty GUID is what a form shows before a record exists, never a saved account.
const NIL_GUID = '00000000-0000-0000-0000-000000000000';
// The classic web client named the table by object type code rather than by name; 1 is Account in every org.
const ACCOUNT_TYPE_CODE = '1';

/** The server reads query names case-insensitively, so hand-written and legacy links vary in case. */
function param(url: URL, name: string): string | null {
  for (const [key, value] of url.searchParams) {
    if (key.toLowerCase() === name) return value;
  }
  return null;
}

/** Lowercase GUID without the braces links often wrap it in (`{...}`, or `%7B...%7D` once decoded). */
function recordGuid(raw: string): string | null {
  const bare = raw.startsWith('{') && raw.endsWith('}') ? raw.slice(1, -1) : raw;
  const guid = bare.toLowerCase();
  return GUID.test(guid) && guid !== NIL_GUID ? guid : null;
}

/**
 * A form of one record: `main.aspx?pagetype=entityrecord&etn=account&id=<guid>` in any parameter order,
 * with or without `appid`, or the classic `etc=1` instead of `etn`. Older links leave the page type out
 * (`main.aspx?etn=account&id=<guid>`) and the client opens that record's form; without a page type only
 * the table's name can say it is an account. Lists (`entitylist`), dashboards and the new-record form
 * (no id) are not account pages.
 */
function accountForm(url: URL): string | null {
  const pageType = param(url, 'pagetype');
  if (pageType !== null && pageType.toLowerCase() !== 'entityrecord') return null;
  const table = param(url, 'etn');
  const isAccount =
    table !== null
      ? table.toLowerCase() === 'account'
      : pageType !== null && param(url, 'etc') === ACCOUNT_TYPE_CODE;
  const id = param(url, 'id');
  return isAccount && id !== null ? recordGuid(id) : null;
}

/** Online orgs have a host each, so the form is always at the root. */
function detectAccount(url: URL): string | null {
  return url.pathname.toLowerCase() === '/main.aspx' ? accountForm(url) : null;
}

// On-premises servers host several orgs, each under its name (`/<org>/main.aspx`); a server set up for
// internet-facing access gives each org a host of its own and serves the form at the root.
const ON_PREMISES_FORM = /^\/(?:[^/]+\/)?main\.aspx$/i;

function detectOnPremisesAccount(url: URL): string | null {
  return ON_PREMISES_FORM.test(url.pathname) ? accountForm(url) : null;
}

export const dynamics: CrmDetector = {
  crm: 'dynamics',
  // Regional hosts cannot be enumerated in a match pattern (no infix wildcard), so cover the domain.
  hostPatterns: ['https://*.dynamics.com/*'],
  hostMatches: (hostname) => ORG_HOST.test(hostname),
  detect: detectAccount,
  detectOnCustomHost: detectOnPremisesAccount,
};
