import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type KeyResult, OutcomesResponse, UndoResponse } from '../../lib/schemas/index.ts';
import { putEntities } from '../../server/store/put.ts';
import { BACKENDS } from './backends.ts';
import { QBRS, USERS } from './fixtures.ts';
import { currentOf, deleteRaw, postRaw } from './outcome-client.ts';
import { suiteHarness } from './suite-harness.ts';

const START = 104.5;

/** Any number a client could send: huge, tiny, negative zero, and the decimals people type. */
const delta = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -2000, max: 2000 }),
  { arbitrary: fc.integer({ min: -2000, max: 2000 }).map((cents) => cents / 100), weight: 3 },
  { arbitrary: fc.integer({ min: -100, max: 100 }).map((tenths) => tenths / 10), weight: 3 },
);
/** Mostly ordinary, so whole batches get through and their sums are checked too. */
const weighted = <T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: usual, weight: 5 }, { arbitrary: odd, weight: 1 });
/** Any UTF-16 text, lone surrogates and NUL included. */
const anyText = fc.string({ unit: 'binary', maxLength: 40 });

/** An item as a client (or a broken one) might send it, with its id taken from a small per-run pool. */
function item(pool: string[]) {
  const id = weighted<string | undefined>(
    fc.tuple(fc.nat(pool.length - 1), fc.boolean()).map(([i, upper]) => {
      const id = pool[i] ?? '';
      return upper ? id.toUpperCase() : id;
    }),
    fc.oneof(anyText, fc.constant(undefined)),
  );
  const valid = fc.record(
    {
      id,
      // Set to the run's own key result when sent.
      keyResultId: fc.constant('k'),
      accountId: weighted(fc.constant('a1'), fc.constantFrom('w1', '\u0000')),
      delta,
      note: weighted(fc.string({ maxLength: 40 }), anyText),
      loggedBy: weighted(fc.constant(USERS.east.id), fc.constant(USERS.west.id)),
      occurredAt: weighted(fc.constant('2026-11-16T10:00:00.000Z'), fc.constant('yesterday')),
    },
    { requiredKeys: ['keyResultId', 'accountId', 'delta', 'loggedBy', 'occurredAt'] },
  );
  return fc.oneof(
    { arbitrary: valid, weight: 8 },
    { arbitrary: fc.dictionary(anyText, fc.jsonValue()), weight: 1 },
  );
}

type Action = { kind: 'post'; items: Record<string, unknown>[] } | { kind: 'undo'; id: string };

function actions(pool: string[]) {
  const undoId = fc.oneof(
    fc.tuple(fc.nat(pool.length - 1), fc.boolean()).map(([i, upper]) => {
      const id = pool[i] ?? '';
      return upper ? id.toUpperCase() : id;
    }),
    fc.string({ maxLength: 40 }),
  );
  return fc.array(
    fc.oneof(
      fc.array(item(pool), { minLength: 1, maxLength: 3 }).map((items): Action => ({ kind: 'post', items })),
      undoId.map((id): Action => ({ kind: 'undo', id })),
    ),
    { minLength: 1, maxLength: 6 },
  );
}

describe.each(BACKENDS)('outcomes and undo under arbitrary input on $name', (backend) => {
  const h = suiteHarness(backend);

  it('never answer 5xx, and the key result stays exactly start + the live deltas', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.uuid(), { minLength: 3, maxLength: 3 }).chain((pool) => actions(pool)),
        async (steps) => {
          // A key result of its own per run, so earlier runs' outcomes cannot move it.
          const kr: KeyResult = {
            ...QBRS,
            id: `k-prop-${run++}`,
            unit: 'percent',
            start: 101,
            target: 110,
            current: START,
            scope: { accountIds: ['a1'] },
          };
          await putEntities(h.db, 'keyResult', [kr]);
          const live = new Map<string, number>();
          for (const step of steps) {
            if (step.kind === 'post') {
              const items = step.items.map((it) =>
                'keyResultId' in it ? { ...it, keyResultId: kr.id } : it,
              );
              const response = await postRaw(h, 'east', { outcomes: items });
              expect(response.status).toBeLessThan(500);
              if (response.status !== 200) continue;
              const body = OutcomesResponse.parse(await response.json());
              body.results.forEach((result, i) => {
                const sent = items[i] as { delta?: number };
                if (result.status !== 'applied' || typeof sent.delta !== 'number') return;
                live.set(result.id.toLowerCase(), sent.delta);
              });
            } else {
              const response = await deleteRaw(h, 'east', step.id);
              expect(response.status).toBeLessThan(500);
              if (response.status === 200 && UndoResponse.parse(await response.json()).status === 'undone') {
                live.delete(step.id.toLowerCase());
              }
            }
            const expected = [...live.values()].reduce((sum, d) => sum.plus(d), new Decimal(START));
            const current = await currentOf(h, kr.id);
            expect(new Decimal(current).eq(expected)).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
