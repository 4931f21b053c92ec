import { describe, expect, test } from 'vitest';
import { normaliseCrmTierLabel } from '../../../lib/settings/settings.ts';

describe('normaliseCrmTierLabel', () => {
  test.each([
    ['Service Tier', 'Service Tier'],
    ['  Service \n  Tier ', 'Service Tier'],
    ['', 'Customer Tier'],
    ['   ', 'Customer Tier'],
    ['x'.repeat(250), 'x'.repeat(200)],
  ])('%j → %j', (input, label) => {
    expect(normaliseCrmTierLabel(input)).toBe(label);
  });
});
