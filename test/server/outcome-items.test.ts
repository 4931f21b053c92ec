import { describe, expect, it } from 'vitest';
import { OutcomesResponse } from '../../lib/schemas/index.ts';
import { BACKENDS } from './backends.ts';
import { idsOf, newSync, pull } from './feed-client.ts';
import { QBRS } from './fixtures.ts';
import { currentOf, deleteRaw, outcome, post, postRaw, undo } from './outcome-client.ts';
import { testHarness } from './suite-harness.ts';

describe.each(BACKENDS)('one bad outcome item on $name', (backend) => {
  const h = testHarness(backend);

  it('is rejected alone, with a reason naming the field, and the rest of the batch applies', async () => {
    const first = outcome('east', { delta: 1 });
    const last = outcome('east', { delta: 2 });
    const { id: _, ...noId } = outcome('east');
    const bad: [unknown, string | RegExp, string][] = [
      [outcome('east', { note: 'QBR\u0000 held' }), 'note: contains a NUL character', ''],
      [
        outcome('east', { note: 'great \ud83d' }),
        'note: contains half of a surrogate pair (a broken emoji)',
        '',
      ],
      [{ ...outcome('east'), id: 'not-a-uuid\u0000' }, /^id: /, 'not-a-uuid\u0000'],
      [{ ...outcome('east'), id: 42 }, /^id: /, '3'],
      [noId, /^id: /, '4'],
      [{ ...outcome('east'), delta: '1e308' }, /^delta: /, ''],
      [
        { ...outcome('east'), accountId: '\udc00' },
        'accountId: contains half of a surrogate pair (a broken emoji)',
        '',
      ],
      [{}, /^id: .*; keyResultId: .*; accountId: .*; delta: .*; loggedBy: .*; occurredAt: /, '7'],
    ];
    const response = await postRaw(h, 'east', { outcomes: [...bad.map(([item]) => item), first, last] });
    expect(response.status).toBe(200);
    const body = OutcomesResponse.parse(await response.json());
    expect(body.results).toEqual([
      ...bad.map(([item, reason, id]) => ({
        id: id || (item as { id: string }).id,
        status: 'rejected',
        reason: typeof reason === 'string' ? reason : expect.stringMatching(reason),
      })),
      { id: first.id, status: 'applied' },
      { id: last.id, status: 'applied' },
    ]);
    expect(await currentOf(h, 'k1')).toBe(QBRS.current + 3);
    expect(idsOf(await pull(h, 'lead', newSync()), 'outcome')).toEqual([first.id, last.id].sort());
  });

  it('treats an uppercase copy of a UUID as the same outcome, when logging and undoing', async () => {
    const lower = outcome('east', { delta: 3 });
    const upper = { ...lower, id: lower.id.toUpperCase() };
    expect((await post(h, 'east', [upper])).results).toEqual([{ id: upper.id, status: 'applied' }]);
    expect((await post(h, 'east', [lower])).results).toEqual([{ id: lower.id, status: 'duplicate' }]);
    expect(idsOf(await pull(h, 'lead', newSync()), 'outcome')).toEqual([lower.id]);
    expect(await currentOf(h, 'k1')).toBe(QBRS.current + 3);

    expect((await undo(h, 'east', lower.id)).status).toBe('undone');
    expect((await undo(h, 'east', upper.id)).status).toBe('already_undone');
    expect(await currentOf(h, 'k1')).toBe(QBRS.current);

    // A revocation by one spelling holds against a delivery by the other.
    const late = outcome('east');
    expect((await undo(h, 'east', late.id.toUpperCase())).status).toBe('revoked');
    expect((await post(h, 'east', [late])).results).toEqual([
      { id: late.id, status: 'rejected', reason: 'undone before it arrived' },
    ]);
    expect((await deleteRaw(h, 'east', 'not-a-uuid')).status).toBe(400);
  });
});
