import { beforeEach, describe, expect, it } from 'vitest';
import type { KeyResult } from '../../lib/schemas/index.ts';
import { putEntities } from '../../server/store/put.ts';
import { BACKENDS } from './backends.ts';
import { QBRS } from './fixtures.ts';
import { currentOf, outcome, post, undo } from './outcome-client.ts';
import { testHarness } from './suite-harness.ts';

/** Key results of each unit, all linked to east's a1 through tier t1. */
const KRS: KeyResult[] = [
  { ...QBRS, id: 'k-nrr', unit: 'percent', start: 101, target: 110, current: 104.5 },
  { ...QBRS, id: 'k-pct', unit: 'percent', start: 0, target: 100, current: 40 },
  { ...QBRS, id: 'k-arr', unit: 'currency', start: 1000, target: 2000, current: 1000 },
  { ...QBRS, id: 'k-yes', unit: 'boolean', start: 0, target: 1, current: 0 },
];

describe.each(BACKENDS)('outcome limits on $name', (backend) => {
  const h = testHarness(backend);
  beforeEach(() => putEntities(h.db, 'keyResult', KRS));

  it('refuses deltas beyond the key result’s limits, naming the limit, and applies the rest', async () => {
    const cases = [
      ['k1', 1e308, "delta: more than 10 times the key result's span (at most ±100)"],
      ['k-pct', -1_000_000, "delta: more than 10 times the key result's span (at most ±1000)"],
      ['k-pct', -1000, 'delta: would move the key result to -960, outside its range -100 to 1000'],
      ['k-yes', 2, 'delta: must be 1 or -1 on a yes/no key result'],
      ['k1', 0.5, 'delta: must be a whole number on a count key result'],
      ['k-arr', 0.00001, 'delta: more than 4 decimal places'],
    ] as const;
    const fine = outcome('east', { keyResultId: 'k-yes', delta: 1 });
    const bad = cases.map(([keyResultId, delta]) => outcome('east', { keyResultId, delta }));
    const response = await post(h, 'east', [...bad, fine]);
    expect(response.results).toEqual([
      ...cases.map(([, , reason], i) => ({ id: bad[i]?.id, status: 'rejected', reason })),
      { id: fine.id, status: 'applied' },
    ]);
    expect(await currentOf(h, 'k1')).toBe(QBRS.current);
    expect(await currentOf(h, 'k-pct')).toBe(40);
    expect(await currentOf(h, 'k-yes')).toBe(1);
  });

  it('adds fractional deltas exactly, and undoing them lands exactly on the start', async () => {
    const deltas = [0.1, 0.2, 0.7, -0.05, 1.15];
    const logged = deltas.map((delta) => outcome('east', { keyResultId: 'k-nrr', delta }));
    for (const o of logged) await post(h, 'east', [o]);
    expect(await currentOf(h, 'k-nrr')).toBe(106.6);
    for (const o of logged.slice(0, 2)) await undo(h, 'east', o.id);
    expect(await currentOf(h, 'k-nrr')).toBe(106.3);
    for (const o of logged.slice(2)) await undo(h, 'east', o.id);
    expect(await currentOf(h, 'k-nrr')).toBe(104.5);
  });
});
