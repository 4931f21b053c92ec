import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/schemas/index.ts';
import { BACKENDS } from './backends.ts';
import { type Harness, QBRS, USERS } from './fixtures.ts';
import { currentOf, deleteRaw, outcome, post, undo } from './outcome-client.ts';
import { testHarness } from './suite-harness.ts';

async function undoneBy(h: Harness, id: string) {
  const [row] = await h.db.query<{ undone_by: string | null; undone: boolean }>(
    'SELECT undone_by, undone_at IS NOT NULL AS undone FROM outcomes WHERE id = $1',
    [id],
  );
  return row;
}

describe.each(BACKENDS)('who may undo on $name', (backend) => {
  const h = testHarness(backend);

  it('refuses a teammate and a lead with 403 and a reason, and lets the logger undo', async () => {
    const logged = outcome('eastRep', { delta: 4 });
    await post(h, 'eastRep', [logged]);
    for (const who of ['east', 'lead'] as const) {
      const refused = await deleteRaw(h, who, logged.id);
      expect(refused.status).toBe(403);
      expect(ApiError.parse(await refused.json()).error).toEqual({
        code: 'forbidden',
        message: 'Only the user who logged this outcome, or an admin, can undo it.',
      });
    }
    expect(await currentOf(h, 'k1')).toBe(QBRS.current + 4);
    expect(await undoneBy(h, logged.id)).toEqual({ undone_by: null, undone: false });

    expect((await undo(h, 'eastRep', logged.id)).status).toBe('undone');
    expect(await undoneBy(h, logged.id)).toEqual({ undone_by: USERS.eastRep.id, undone: true });
    expect(await currentOf(h, 'k1')).toBe(QBRS.current);
    // Once undone, a teammate still learns nothing more than that it is not theirs.
    expect((await deleteRaw(h, 'east', logged.id)).status).toBe(403);
  });

  it('lets an admin undo anyone’s outcome, and records the admin as who undid it', async () => {
    const logged = outcome('westRep', { accountId: 'w1', delta: 2 });
    await post(h, 'westRep', [logged]);
    expect((await undo(h, 'admin', logged.id)).status).toBe('undone');
    expect(await undoneBy(h, logged.id)).toEqual({ undone_by: USERS.admin.id, undone: true });
    expect(await currentOf(h, 'k1')).toBe(QBRS.current);
  });
});
