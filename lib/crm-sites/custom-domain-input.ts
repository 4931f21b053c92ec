import { z } from 'zod';
import { DETECTORS } from '../crm/index.ts';
import { AppError } from '../errors.ts';
import { CrmName } from '../schemas/entities.ts';
import { crmLabel } from '../settings/crm-label.ts';
import { type CustomDomain, hostMatchesDomain, SELF_HOSTABLE_CRMS } from './sites.ts';

/** Enough for every org of a company; more is a sign of a mistake, not of need. */
export const MAX_CUSTOM_DOMAINS = 50;

export const CustomDomainSchema = z.object({ host: z.string().min(1).max(253), crm: CrmName });

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Every refusal of a custom domain, with the sentence that says what to do instead. */
export function refuse(message: string): never {
  throw new AppError('invalid_custom_domain', message);
}

/** What the user typed, reduced to a host (`crm.contoso.com`, `*.contoso.com`), or a clear refusal. */
function hostOf(input: string): string {
  const text = input.trim().toLowerCase();
  if (!text) refuse('Enter the domain your CRM is served from, e.g. crm.contoso.com.');
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(text);
  if (hasScheme && !text.startsWith('https://')) {
    refuse('Goal Lens only runs on CRM pages served over https://.');
  }
  const rest = hasScheme ? text.slice('https://'.length) : text;
  const end = rest.search(/[/?#]/);
  const authority = end === -1 ? rest : rest.slice(0, end);
  const after = end === -1 ? '' : rest.slice(end);
  if (after !== '' && after !== '/') {
    refuse('Enter only the domain, without a path, query or fragment: e.g. crm.contoso.com.');
  }
  if (authority.includes('@')) refuse('Enter only the domain, without a user name or password.');
  if (authority.startsWith('[') || IPV4.test(authority.replace(/:\d*$/, ''))) {
    refuse('Enter the CRM’s host name; IP addresses are not supported (https certificates name hosts).');
  }
  if (authority.includes(':')) refuse('Enter the domain without a port: Goal Lens matches every port.');
  return authority.replace(/\.$/, '');
}

function checkWildcard(host: string): string {
  const wild = host.startsWith('*.');
  const base = wild ? host.slice(2) : host;
  if (base.includes('*')) {
    refuse('A * may only stand for every subdomain, at the very start: e.g. *.contoso.com.');
  }
  if (wild && base.split('.').length < 2) {
    refuse(`*.${base} would cover a whole top-level domain; name your organisation’s domain.`);
  }
  return base;
}

/** Internationalised names are stored as the browser sees them (punycode), so matching is exact. */
function asciiHost(base: string): string {
  let ascii: string;
  try {
    ascii = new URL(`https://${base}/`).hostname;
  } catch {
    refuse(`"${base}" is not a valid domain name.`);
  }
  if (ascii.length > 253 || !ascii.split('.').every((label) => LABEL.test(label))) {
    refuse(`"${base}" is not a valid domain name.`);
  }
  return ascii;
}

/** The built-in CRM whose own domains already include `host` (or part of a wildcard), if any. */
function builtInOwner(host: string): CrmName | null {
  const base = host.startsWith('*.') ? host.slice(2) : host;
  for (const detector of DETECTORS) {
    for (const pattern of detector.hostPatterns) {
      const patternHost = pattern.slice('https://'.length, pattern.indexOf('/', 'https://'.length));
      if (hostMatchesDomain(base, patternHost) || hostMatchesDomain(patternHost.replace(/^\*\./, ''), host)) {
        return detector.crm;
      }
    }
  }
  return null;
}

/**
 * A domain ready to store for `crm`: one host (or `*.` and a domain), https only, not already listed
 * and not one of the domains Goal Lens covers anyway. Every refusal says what to do instead. Whether it
 * is a public suffix is checked where domains are typed and granted (`checkTypedCustomDomain`): the
 * Public Suffix List is most of a quarter megabyte that the service worker would parse on every start.
 */
export function normaliseCustomDomain(
  input: string,
  crm: CrmName,
  existing: readonly CustomDomain[],
): CustomDomain {
  if (!SELF_HOSTABLE_CRMS.includes(crm)) {
    refuse(`${crmLabel(crm)} is only served from its own domains, so it cannot have a custom domain.`);
  }
  const typed = hostOf(input);
  const base = checkWildcard(typed);
  const host = (typed.startsWith('*.') ? '*.' : '') + asciiHost(base);
  const owner = builtInOwner(host);
  if (owner) {
    refuse(`${host} is one of ${crmLabel(owner)}’s own domains, which Goal Lens covers already.`);
  }
  const duplicate = existing.find((domain) => domain.host === host);
  if (duplicate) refuse(`${host} is already in the list (for ${crmLabel(duplicate.crm)}).`);
  if (existing.length >= MAX_CUSTOM_DOMAINS) {
    refuse(`Goal Lens supports up to ${MAX_CUSTOM_DOMAINS} custom domains; remove one first.`);
  }
  return { host, crm };
}
