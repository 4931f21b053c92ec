import { expect, test } from 'vitest';
import { linkOf } from '../../../lib/okr/linked.ts';

const account = { id: 'a1', tierId: 't1' };

test.each([
  [['a1'], [], 'account'],
  [[], ['t1'], 'tier'],
  [['a1'], ['t1'], 'account'],
  [['a2'], ['t2'], null],
  [[], [], null],
] as const)('named %j, tiers %j → %s', (linkAccountIds, linkTierIds, expected) => {
  expect(linkOf({ linkAccountIds: [...linkAccountIds], linkTierIds: [...linkTierIds] }, account)).toBe(
    expected,
  );
});
