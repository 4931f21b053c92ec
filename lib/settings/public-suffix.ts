import { parse } from 'tldts';

/**
 * Domains where each customer of a CRM vendor gets a site of their own, which the Public Suffix List
 * does not (yet) list: a wildcard over one covers other companies' sites just as `*.github.io` would.
 */
const SHARED_CRM_HOSTING = ['my.site.com', 'my.salesforce-sites.com', 'force.com'];

interface SharedSuffix {
  suffix: string;
  /** `icann`: a registry's (co.uk); `private`: a hosting company's (github.io, herokuapp.com). */
  kind: 'icann' | 'private';
}

/** The Public Suffix List's entry `host` is, if it is one; unknown top-level names are not entries. */
export function listedPublicSuffix(host: string): SharedSuffix | null {
  const parsed = parse(host, { allowPrivateDomains: true });
  if (parsed.publicSuffix !== host || !(parsed.isIcann || parsed.isPrivate)) return null;
  return { suffix: host, kind: parsed.isPrivate ? 'private' : 'icann' };
}

/**
 * The shared suffix a wildcard `*.base` would reach into: `base` itself when it is a public suffix,
 * or a vendor's shared domain at or below `base`. A wildcard inside one (`*.acme.my.site.com`) is
 * one customer's and is fine.
 */
export function sharedSuffixUnder(base: string): SharedSuffix | null {
  const listed = listedPublicSuffix(base);
  if (listed) return listed;
  const shared = SHARED_CRM_HOSTING.find((domain) => domain === base || domain.endsWith(`.${base}`));
  return shared ? { suffix: shared, kind: 'private' } : null;
}
