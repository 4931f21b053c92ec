import { describe, expect, test } from 'vitest';
import { optimisticValue, type PendingDelta } from '../../../lib/okr/optimistic.ts';

const kr = { id: 'kr1', unit: 'count', start: 0, target: 10, current: 4 } as const;
const acme = { id: 'acme', contribution: 2 };
const click = (delta: number, keyResultId = 'kr1', accountId = 'acme'): PendingDelta => ({
  keyResultId,
  accountId,
  delta,
});

describe('optimisticValue: the value shown is the known value plus what is pending', () => {
  test.each([
    { name: 'nothing pending', pending: [], current: 4, progress: 0.4, contribution: 2 },
    { name: 'one click on this account', pending: [click(1)], current: 5, progress: 0.5, contribution: 3 },
    { name: 'two clicks add up', pending: [click(1), click(2)], current: 7, progress: 0.7, contribution: 5 },
    {
      name: 'a click on another account moves the value, not this account’s share',
      pending: [click(3, 'kr1', 'globex')],
      current: 7,
      progress: 0.7,
      contribution: 2,
    },
    {
      name: 'another key result’s click changes nothing',
      pending: [click(5, 'kr2')],
      current: 4,
      progress: 0.4,
      contribution: 2,
    },
    {
      name: 'an undo of a counted click takes it back',
      pending: [click(-4)],
      current: 0,
      progress: 0,
      contribution: -2,
    },
  ])('$name', ({ pending, current, progress, contribution }) => {
    const shown = optimisticValue(kr, acme, pending);
    expect(shown).toEqual({
      current,
      progress: expect.closeTo(progress, 10),
      accountContribution: contribution,
    });
  });

  test('progress follows the direction of the key result', () => {
    const down = { id: 'kr1', unit: 'percent', start: 10, target: 4, current: 8 } as const;
    expect(optimisticValue(down, acme, [click(-1)]).progress).toBeCloseTo(0.5, 10);
  });
});
