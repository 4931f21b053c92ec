import { pathSegments } from './path.ts';
import type { CrmDetector } from './types.ts';

// Freshsales today runs inside the Freshworks suite on <domain>.myfreshworks.com under /crm/sales/;
// accounts created before the move still use the standalone <domain>.freshsales.io.
const SUITE_HOST = /^[a-z0-9-]+\.myfreshworks\.com$/;
const LEGACY_HOST = /^[a-z0-9-]+\.freshsales\.io$/;
const NUMERIC = /^\d+$/;

/** `accounts/<id>` at the root of the sales app; `accounts/view/<view id>` is a list. */
function accountIn(parts: string[]): string | null {
  const [kind, id = '', ...rest] = parts;
  return kind === 'accounts' && NUMERIC.test(id) && rest.length === 0 ? id : null;
}

/** The suite also hosts other products (`/crm/marketing/...`), so only the sales app's paths count. */
function detectAccount(url: URL): string | null {
  const parts = pathSegments(url.pathname);
  if (LEGACY_HOST.test(url.hostname)) return accountIn(parts);
  const [product, app, ...rest] = parts;
  return SUITE_HOST.test(url.hostname) && product === 'crm' && app === 'sales' ? accountIn(rest) : null;
}

export const freshsales: CrmDetector = {
  crm: 'freshsales',
  hostPatterns: ['https://*.myfreshworks.com/*', 'https://*.freshsales.io/*'],
  hostMatches: (hostname) => SUITE_HOST.test(hostname) || LEGACY_HOST.test(hostname),
  detect: detectAccount,
};
