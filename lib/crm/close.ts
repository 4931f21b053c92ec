import { pathSegments } from './path.ts';
import type { CrmDetector } from './types.ts';

const APP_HOST = 'app.close.com';
// Close ids carry their object type as a prefix (lead_, cont_, oppo_...). A Close lead is the company itself,
// with its contacts inside it, so it is the account.
const LEAD_ID = /^lead_[A-Za-z0-9]+$/;

/** `/lead/<lead id>/`; `/leads/...` is the lead list and its smart views (`/leads/save_...`). */
function detectLead(url: URL): string | null {
  const [kind, id = '', ...rest] = pathSegments(url.pathname);
  return kind === 'lead' && LEAD_ID.test(id) && rest.length === 0 ? id : null;
}

export const close: CrmDetector = {
  crm: 'close',
  hostPatterns: [`https://${APP_HOST}/*`],
  hostMatches: (hostname) => hostname === APP_HOST,
  detect: detectLead,
};
