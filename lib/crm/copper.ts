import { pathSegments } from './path.ts';
import type { CrmDetector } from './types.ts';

const APP_HOST = 'app.copper.com';
const NUMERIC = /^\d+$/;
// Copper's routes keep its original names: a company is an `organization` (a person `contact`, an
// opportunity `deal`).
const COMPANY_ROUTE = 'organization';
// A list view opened on one company's full profile (`?fullProfile=companies-<id>`); `preview=` is the side panel.
const FULL_PROFILE = /^companies-(\d+)$/;

/**
 * The app is `/companies/<Copper account id>/app` with its route in the fragment: `#/organization/<id>`,
 * possibly after the route of the page it was opened from, or a list showing that company's full profile.
 */
function detectCompany(url: URL): string | null {
  const [root, account = '', app, ...rest] = pathSegments(url.pathname);
  if (root !== 'companies' || !NUMERIC.test(account) || app !== 'app' || rest.length > 0) return null;
  const [route = '', query = ''] = url.hash.slice(1).split('?');
  const parts = pathSegments(route);
  const [kind, id = ''] = parts.slice(-2);
  if (kind === COMPANY_ROUTE) return NUMERIC.test(id) ? id : null;
  return FULL_PROFILE.exec(new URLSearchParams(query).get('fullProfile') ?? '')?.[1] ?? null;
}

export const copper: CrmDetector = {
  crm: 'copper',
  hostPatterns: [`https://${APP_HOST}/*`],
  hostMatches: (hostname) => hostname === APP_HOST,
  detect: detectCompany,
};
