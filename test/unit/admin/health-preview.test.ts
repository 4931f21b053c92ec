import { describe, expect, it } from 'vitest';
import { previewHealth } from '../../../lib/admin/health-preview.ts';
import { groupMetrics } from '../../../lib/admin/tier-preview.ts';
import type { MetricDefinition } from '../../../lib/schemas/entities.ts';

const def = (key: string, good: number, warn: number): MetricDefinition => ({
  key,
  label: key,
  perspective: 'customer',
  unit: 'score',
  direction: 'higher_is_better',
  good,
  warn,
  weight: 1,
});

const book = {
  accounts: [
    { id: 'a', name: 'A', tierId: 't', attributes: {} },
    { id: 'b', name: 'B', tierId: 't', attributes: {} },
    { id: 'c', name: 'C', tierId: 't', attributes: {} },
  ],
  metricsByAccount: groupMetrics([
    { accountId: 'a', key: 'nps', value: 40, asOf: '2026-11-01T00:00:00Z' },
    { accountId: 'b', key: 'nps', value: 90, asOf: '2026-11-01T00:00:00Z' },
  ]),
  definitions: new Map([['nps', def('nps', 50, 20)]]),
};

describe('health preview', () => {
  it.each([
    { name: 'same definitions: nothing moves', next: def('nps', 50, 20), changed: 0, first: undefined },
    {
      name: 'a higher bar lowers A, whose NPS is between the bars',
      next: def('nps', 80, 60),
      changed: 1,
      first: 'a',
    },
  ])('$name', ({ next, changed, first }) => {
    const preview = previewHealth(book, new Map([['nps', next]]));
    expect(preview.changed).toBe(changed);
    expect(preview.shifts[0]?.accountId).toBe(first);
    if (changed) expect(preview.meanAfter).toBeLessThan(preview.meanBefore ?? 0);
  });

  it('an account without metrics has no score before or after', () => {
    const preview = previewHealth(book, new Map([['nps', def('nps', 80, 60)]]));
    expect(preview.shifts.some((s) => s.accountId === 'c')).toBe(false);
  });
});
