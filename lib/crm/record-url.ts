import type { CustomDomain } from '../crm-sites/sites.ts';
import type { CrmRef } from '../schemas/entities.ts';
import { parseHttpsUrl } from './https-url.ts';
import { hubspot } from './hubspot.ts';
import { crmLinkUrl } from './record-host.ts';
import { salesforce } from './salesforce.ts';
import type { CrmName } from './types.ts';

/** Where one org's CRM lives, as learnt from a record URL: its https origin, and HubSpot's portal. */
export interface CrmBase {
  origin: string;
  portalId?: string;
}

export interface RecordLink {
  crm: CrmName;
  url: string;
}

const HUBSPOT_PORTAL_PATH = /^\/contacts\/(\d+)(?:\/|$)/;

/**
 * The base a record URL reveals, or null when it is not a page of that CRM. Only CRMs whose record
 * URLs can be rebuilt from an id are learnt: Salesforce (the org's host) and HubSpot (host + portal).
 */
export function crmBaseFromUrl(crm: CrmName, url: string): CrmBase | null {
  const parsed = parseHttpsUrl(url);
  if (!parsed) return null;
  if (crm === 'salesforce' && salesforce.hostMatches(parsed.hostname)) return { origin: parsed.origin };
  if (crm === 'hubspot' && hubspot.hostMatches(parsed.hostname)) {
    const portalId = HUBSPOT_PORTAL_PATH.exec(parsed.pathname)?.[1];
    return portalId ? { origin: parsed.origin, portalId } : null;
  }
  return null;
}

const BUILDERS: Partial<Record<CrmName, (id: string, base: CrmBase) => string | null>> = {
  salesforce: (id, base) => `${base.origin}/lightning/r/Account/${encodeURIComponent(id)}/view`,
  hubspot: (id, base) =>
    base.portalId ? `${base.origin}/contacts/${base.portalId}/record/0-2/${encodeURIComponent(id)}` : null,
};

/**
 * A ref's own URL when it has a safe one (https, on a host of its CRM: a backend must not be able to
 * plant a `javascript:` or look-alike link), else one built from the CRM's base; null when neither is possible.
 */
export function recordUrl(
  ref: Pick<CrmRef, 'crm' | 'id' | 'url'>,
  base?: CrmBase,
  customDomains: readonly CustomDomain[] = [],
): string | null {
  const own = crmLinkUrl(ref.url, ref.crm, customDomains);
  if (own) return own.href;
  return base ? (BUILDERS[ref.crm]?.(ref.id, base) ?? null) : null;
}

/**
 * Every account of an org lives in the same CRM instances, so the first usable URL seen per CRM
 * tells where to build links for refs that came without one.
 */
export function learnCrmBases(refs: Iterable<Pick<CrmRef, 'crm' | 'url'>>): Map<CrmName, CrmBase> {
  const bases = new Map<CrmName, CrmBase>();
  for (const ref of refs) {
    if (!ref.url || bases.has(ref.crm)) continue;
    const base = crmBaseFromUrl(ref.crm, ref.url);
    if (base) bases.set(ref.crm, base);
  }
  return bases;
}

/** The first of the account's refs, in their listed order, that yields a link. */
export function accountRecordLink(
  refs: readonly Pick<CrmRef, 'crm' | 'id' | 'url'>[],
  bases: ReadonlyMap<CrmName, CrmBase>,
  customDomains: readonly CustomDomain[] = [],
): RecordLink | null {
  for (const ref of refs) {
    const url = recordUrl(ref, bases.get(ref.crm), customDomains);
    if (url) return { crm: ref.crm, url };
  }
  return null;
}

/**
 * The CRMs whose learnt base `accountRecordLink` may use for these refs: those of the refs before the
 * first one with a URL of its own, whose record URLs can be built from an id.
 */
export function crmsNeedingBase(
  refs: readonly Pick<CrmRef, 'crm' | 'url'>[],
  customDomains: readonly CustomDomain[] = [],
): Set<CrmName> {
  const needed = new Set<CrmName>();
  for (const ref of refs) {
    if (crmLinkUrl(ref.url, ref.crm, customDomains)) break;
    if (BUILDERS[ref.crm]) needed.add(ref.crm);
  }
  return needed;
}
