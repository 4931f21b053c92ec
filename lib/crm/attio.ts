import { pathSegments } from './path.ts';
import type { CrmDetector } from './types.ts';

const APP_HOST = 'app.attio.com';
const WORKSPACE_SLUG = /^[a-z0-9-]+$/;
const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A record page's tabs: overview, activity, emails, notes, tasks...
const RECORD_TAB = /^[a-z-]+$/;

/**
 * `/<workspace>/company/<record id>`, optionally on one of its tabs (`/overview`, ...). Record pages use the
 * object's singular noun (`person/<id>` for people); `companies` is the object's list views.
 */
function detectCompany(url: URL): string | null {
  const [workspace = '', kind, id = '', ...tab] = pathSegments(url.pathname);
  if (!WORKSPACE_SLUG.test(workspace) || kind !== 'company' || !RECORD_ID.test(id)) return null;
  const [tabName = '', ...deeper] = tab;
  return tab.length === 0 || (RECORD_TAB.test(tabName) && deeper.length === 0) ? id : null;
}

export const attio: CrmDetector = {
  crm: 'attio',
  hostPatterns: [`https://${APP_HOST}/*`],
  hostMatches: (hostname) => hostname === APP_HOST,
  detect: detectCompany,
};
