import { DEFAULT_CRM_TIER_LABEL } from '../crm/page-fields.ts';
import { type CrmSites, readCrmSites } from '../crm-sites/sites.ts';

/**
 * What CRM pages need of the settings: where to show the panel and which field holds the tier. The
 * background mirrors it into `storage.local` (not a secret) whenever it may have changed, and content
 * scripts read it from there; nothing else carries it to them.
 */
export interface PageSettings extends CrmSites {
  crmTierLabel: string;
}

export const PAGE_SETTINGS_KEY = 'page.settings';

/** The mirrored value as stored; anything unexpected counts as every CRM, no custom domain, the usual label. */
export function readPageSettings(value: unknown): PageSettings {
  const label = (value as { crmTierLabel?: unknown } | null)?.crmTierLabel;
  return {
    ...readCrmSites(value),
    crmTierLabel: typeof label === 'string' && label ? label : DEFAULT_CRM_TIER_LABEL,
  };
}
