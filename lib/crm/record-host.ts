import type { CustomDomain } from '../crm-sites/sites.ts';
import { hostMatchesDomain } from '../crm-sites/sites.ts';
import { parseHttpsUrl } from './https-url.ts';
import { DETECTORS } from './index.ts';
import type { CrmName } from './types.ts';

/**
 * `url` when it may be offered as a link into `crm`: https, on one of that CRM's own hosts or one of
 * the user's custom domains for it, without a user name or password (which a browser would send, and
 * which makes `https://app.hubspot.com@evil.example/` read as HubSpot). A record URL comes from the
 * backend's data, so a look-alike host must not become a link that seems to open the CRM.
 */
export function crmLinkUrl(
  url: string | undefined,
  crm: CrmName,
  customDomains: readonly CustomDomain[],
): URL | null {
  const parsed = parseHttpsUrl(url);
  if (!parsed || parsed.username || parsed.password) return null;
  const builtIn = DETECTORS.find((detector) => detector.crm === crm)?.hostMatches(parsed.hostname) ?? false;
  const custom = customDomains.some(
    (domain) => domain.crm === crm && hostMatchesDomain(parsed.hostname, domain.host),
  );
  return builtIn || custom ? parsed : null;
}
