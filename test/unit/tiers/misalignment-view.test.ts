import { describe, expect, test } from 'vitest';
import { toMisalignmentView } from '../../../lib/panel/misalignment-view.ts';
import type { Misalignment } from '../../../lib/tiers/misalignment.ts';
import { BOOK } from './fixtures.ts';

describe('toMisalignmentView', () => {
  test.each<[Misalignment, string]>([
    [
      { kind: 'tier_rules', direction: 'under_served', expectedTierId: 'tier-1', reasons: ['r'] },
      'Under-served: expected Tier 1',
    ],
    [
      { kind: 'tier_rules', direction: 'over_served', expectedTierId: 'tier-2', reasons: ['r'] },
      'Over-served: expected Tier 2',
    ],
    [
      { kind: 'tier_rules', direction: 'over_served', expectedTierId: null, reasons: ['r'] },
      "Over-served: meets no tier's criteria",
    ],
    [{ kind: 'crm_field', crmTier: ' tier 1 ', reasons: ['r'] }, 'CRM says Tier 1'],
    [{ kind: 'crm_field', crmTier: 'Gold', reasons: ['r'] }, "CRM says 'Gold', not a tier"],
    [{ kind: 'benchmark', reasons: ['r'] }, 'Misses benchmarks'],
  ])('%o → %s', (misalignment, title) => {
    const view = toMisalignmentView(misalignment, BOOK);
    expect(view.title).toBe(title);
    expect(view.kind).toBe(misalignment.kind);
    expect(view.direction).toBe(misalignment.kind === 'tier_rules' ? misalignment.direction : null);
    expect(view.reasons).toEqual(['r']);
  });

  test('a CRM tier read from the page says which field it came from', () => {
    const view = toMisalignmentView(
      { kind: 'crm_field', crmTier: 'Tier 1', reasons: ['CRM says Tier 1'] },
      BOOK,
      'Customer Tier',
    );
    expect(view.reasons).toEqual(['CRM says Tier 1', "Read from this page's “Customer Tier” field."]);
  });
});
