import type { Tier } from '../schemas/entities.ts';
import { tierFromCrmValue } from '../tiers/crm-tier.ts';
import type { Misalignment } from '../tiers/misalignment.ts';
import type { MisalignmentView } from './view-types.ts';

const DIRECTION_WORDS = { under_served: 'Under-served', over_served: 'Over-served' } as const;

function title(misalignment: Misalignment, tiers: readonly Pick<Tier, 'id' | 'name'>[]): string {
  switch (misalignment.kind) {
    case 'tier_rules': {
      const expected = tiers.find((tier) => tier.id === misalignment.expectedTierId);
      const words = DIRECTION_WORDS[misalignment.direction];
      return expected ? `${words}: expected ${expected.name}` : `${words}: meets no tier's criteria`;
    }
    case 'crm_field': {
      const named = tierFromCrmValue(misalignment.crmTier, tiers);
      return named ? `CRM says ${named.name}` : `CRM says '${misalignment.crmTier}', not a tier`;
    }
    case 'benchmark':
      return 'Misses benchmarks';
  }
}

/** The flag's wording for one misalignment; `pageField` names the CRM page field the CRM tier came from. */
export function toMisalignmentView(
  misalignment: Misalignment,
  tiers: readonly Pick<Tier, 'id' | 'name'>[],
  pageField?: string,
): MisalignmentView {
  const reasons = [...misalignment.reasons];
  if (misalignment.kind === 'crm_field' && pageField) {
    reasons.push(`Read from this page's “${pageField}” field.`);
  }
  return {
    kind: misalignment.kind,
    direction: misalignment.kind === 'tier_rules' ? misalignment.direction : null,
    title: title(misalignment, tiers),
    reasons,
  };
}
