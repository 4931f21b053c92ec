import { pathSegments } from './path.ts';
import type { CrmDetector } from './types.ts';

// Every Pipedrive company works on its own <company>.pipedrive.com (app.pipedrive.com before the redirect).
const COMPANY_HOST = /^[a-z0-9-]+\.pipedrive\.com$/;
const NUMERIC = /^\d+$/;

/** Pipedrive calls accounts organizations: `/organization/<id>` is one, `/organizations/...` the list. */
function detectOrganization(url: URL): string | null {
  const [kind, id, ...rest] = pathSegments(url.pathname);
  return kind === 'organization' && id !== undefined && NUMERIC.test(id) && rest.length === 0 ? id : null;
}

export const pipedrive: CrmDetector = {
  crm: 'pipedrive',
  hostPatterns: ['https://*.pipedrive.com/*'],
  hostMatches: (hostname) => COMPANY_HOST.test(hostname),
  detect: detectOrganization,
};
