import { parseHttpsUrl } from '../crm/https-url.ts';
import { DETECTORS, detectAccountPage } from '../crm/index.ts';
import type { AccountPage, CrmName } from '../crm/types.ts';

/** A domain the user (or their administrator) runs a CRM on: `crm.contoso.com`, or `*.contoso.com`. */
export interface CustomDomain {
  host: string;
  crm: CrmName;
}

/** Which CRMs to show the panel on, and where else they live: all the content script needs to know. */
export interface CrmSites {
  disabledCrms: readonly CrmName[];
  customDomains: readonly CustomDomain[];
}

/** CRMs that can live on a customer's own domain, in the order the options offer them. */
export const SELF_HOSTABLE_CRMS: readonly CrmName[] = DETECTORS.filter(
  (detector) => detector.detectOnCustomHost,
).map((detector) => detector.crm);

/** `*.contoso.com` covers contoso.com itself and every host under it, as in a match pattern. */
export function hostMatchesDomain(hostname: string, domain: string): boolean {
  if (!domain.startsWith('*.')) return hostname === domain;
  const base = domain.slice(2);
  return hostname === base || hostname.endsWith(`.${base}`);
}

/** The match pattern that grants, and injects on, a custom domain. */
export function customDomainPattern(domain: string): string {
  return `https://${domain}/*`;
}

/**
 * `detectAccountPage` extended with the user's choices: a custom domain applies its CRM's rules for
 * such hosts, and a switched-off CRM matches nothing.
 */
export function detectAccountPageOn(url: string, sites: CrmSites): AccountPage | null {
  const parsed = parseHttpsUrl(url);
  if (!parsed) return null;
  const custom = sites.customDomains.find((domain) => hostMatchesDomain(parsed.hostname, domain.host));
  let page: AccountPage | null;
  if (custom) {
    const rules = DETECTORS.find((detector) => detector.crm === custom.crm)?.detectOnCustomHost;
    const recordId = rules?.(parsed) ?? null;
    page = recordId === null ? null : { crm: custom.crm, recordId };
  } else {
    page = detectAccountPage(url);
  }
  return page && !sites.disabledCrms.includes(page.crm) ? page : null;
}

function isCustomDomain(value: unknown): value is CustomDomain {
  const domain = value as Partial<CustomDomain> | null;
  return typeof domain?.host === 'string' && typeof domain.crm === 'string';
}

/** The mirrored value as stored; anything unexpected counts as "every CRM, no custom domain". */
export function readCrmSites(value: unknown): CrmSites {
  const sites = value as Partial<Record<keyof CrmSites, unknown>> | null;
  const disabled = Array.isArray(sites?.disabledCrms) ? sites.disabledCrms : [];
  const domains = Array.isArray(sites?.customDomains) ? sites.customDomains : [];
  return {
    disabledCrms: disabled.filter((crm): crm is CrmName => typeof crm === 'string'),
    customDomains: domains.filter(isCustomDomain),
  };
}
