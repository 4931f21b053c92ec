import type { Tier } from '../schemas/entities.ts';

// CRM picklists drift in case and spacing ("TIER 1", "Tier1", "tier  1"): compare without either.
function normalize(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, '').toLowerCase();
}

/** Whether a CRM's tier value names this tier, by its name or its id. */
export function crmTierNames(crmValue: string, tier: Pick<Tier, 'id' | 'name'>): boolean {
  const value = normalize(crmValue);
  return value === normalize(tier.name) || value === normalize(tier.id);
}

/** The tier a CRM value names, if any; the first in `tiers` wins should two share a name. */
export function tierFromCrmValue<T extends Pick<Tier, 'id' | 'name'>>(
  crmValue: string,
  tiers: readonly T[],
): T | undefined {
  return tiers.find((tier) => crmTierNames(crmValue, tier));
}
