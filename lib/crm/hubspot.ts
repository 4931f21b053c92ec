import type { CrmDetector } from './types.ts';

// app.hubspot.com is the default (na1) data centre; others are app-<region><n>, e.g. app-eu1, app-na2, app-ap1.
const APP_HOST = /^app(?:-[a-z]{2}\d+)?\.hubspot\.com$/;
const NUMERIC = /^\d+$/;
// 0-2 is HubSpot's object type id for companies (0-1 contacts, 0-3 deals, 0-5 tickets, 2-… custom objects).
const COMPANY_OBJECT_TYPE = '0-2';

/**
 * Company record pages: /contacts/<portal>/record/0-2/<id> and the older /contacts/<portal>/company/<id>.
 * Anything after the id (/view/1, tabs) is still that company's record page.
 */
function detectCompany(url: URL): string | null {
  const [root, portal, kind, ...rest] = url.pathname.split('/').slice(1);
  if (root !== 'contacts' || portal === undefined || !NUMERIC.test(portal)) return null;
  const id =
    kind === 'record' && rest[0] === COMPANY_OBJECT_TYPE ? rest[1] : kind === 'company' ? rest[0] : undefined;
  return id !== undefined && NUMERIC.test(id) ? id : null;
}

export const hubspot: CrmDetector = {
  crm: 'hubspot',
  // Regional hosts cannot be enumerated in a match pattern (no infix wildcard), so cover the domain.
  hostPatterns: ['https://*.hubspot.com/*'],
  hostMatches: (hostname) => APP_HOST.test(hostname),
  detect: detectCompany,
};
