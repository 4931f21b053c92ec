import { describe, expect, it } from 'vitest';
import { importSnapshot } from '../../server/import.ts';
import { putItems } from './admin-client.ts';
import { BACKENDS } from './backends.ts';
import { QBRS, smallSnapshot } from './fixtures.ts';
import { currentOf, outcome, post, undo } from './outcome-client.ts';
import { testHarness } from './suite-harness.ts';

/** QBRS as a pipeline writes it: a measurement, no server-set fields. */
function measured(current: number, asOf?: string) {
  const { updatedAt: _, ...kr } = QBRS;
  return { ...kr, current, ...(asOf === undefined ? {} : { asOf }) };
}

describe.each(BACKENDS)('key-result measurements on $name', (backend) => {
  const h = testHarness(backend);

  it('adds outcomes logged after a measurement, and not those before it', async () => {
    await post(h, 'east', [outcome('east')]); // before the measurement: inside it
    expect(await currentOf(h, 'k1')).toBe(3);

    expect((await putItems(h, 'keyResults', [measured(10)])).body.results).toEqual([
      { id: 'k1', status: 'updated' },
    ]);
    expect(await currentOf(h, 'k1')).toBe(10);

    const later = outcome('east', { delta: 2 });
    await post(h, 'east', [later]);
    expect(await currentOf(h, 'k1')).toBe(12);

    // The same measurement sent again is the same measurement: unchanged, and the rep's +2 stays.
    expect((await putItems(h, 'keyResults', [measured(10)])).body.results).toEqual([
      { id: 'k1', status: 'unchanged' },
    ]);
    expect(await currentOf(h, 'k1')).toBe(12);
    // Undoing an outcome logged after the measurement takes it back out.
    await undo(h, 'east', later.id);
    expect(await currentOf(h, 'k1')).toBe(10);
  });

  it('a measurement as of a past moment keeps the outcomes logged since then', async () => {
    const before = new Date(Date.now() - 60_000).toISOString();
    await post(h, 'east', [outcome('east', { delta: 4 })]);
    expect(await currentOf(h, 'k1')).toBe(6);

    await putItems(h, 'keyResults', [measured(20, before)]);
    expect(await currentOf(h, 'k1')).toBe(24);

    // Undoing an outcome that the measurement holds does not move the value.
    const inside = outcome('east', { delta: 1 });
    await post(h, 'east', [inside]);
    expect(await currentOf(h, 'k1')).toBe(25);
    await putItems(h, 'keyResults', [measured(30)]);
    expect(await currentOf(h, 'k1')).toBe(30);
    await undo(h, 'east', inside.id);
    expect(await currentOf(h, 'k1')).toBe(30);
  });

  it('re-importing the same snapshot never erases what reps logged since', async () => {
    await post(h, 'east', [outcome('east', { delta: 3 })]);
    expect(await currentOf(h, 'k1')).toBe(5);
    const summary = await importSnapshot(h.db, smallSnapshot());
    expect(summary.counts.keyResults.changed).toBe(0);
    expect(await currentOf(h, 'k1')).toBe(5);
  });

  it('a write without current keeps the value', async () => {
    await post(h, 'east', [outcome('east', { delta: 3 })]);
    const { current: _, ...withoutCurrent } = measured(0);
    const { body } = await putItems(h, 'keyResults', [{ ...withoutCurrent, title: 'QBRs held' }]);
    expect(body.results).toEqual([{ id: 'k1', status: 'updated' }]);
    expect(await currentOf(h, 'k1')).toBe(5);
  });
});
