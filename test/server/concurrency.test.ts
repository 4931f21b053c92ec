import { describe, expect, it } from 'vitest';
import { putEntities } from '../../server/store/put.ts';
import { BACKENDS } from './backends.ts';
import { newSync, pull } from './feed-client.ts';
import { suiteHarness } from './suite-harness.ts';

const OBJECTIVE = {
  title: 'Grow',
  level: 'company',
  periodStart: '2026-10-01',
  periodEnd: '2026-12-31',
} as const;

describe.each(BACKENDS)('concurrent writers on $name', (backend) => {
  const h = suiteHarness(backend);

  it('never lets a polling reader skip a change committed by a slower writer', async () => {
    const sync = newSync();
    await pull(h, 'lead', sync);

    let writing = true;
    const reader = (async () => {
      while (writing) await pull(h, 'lead', sync, 7);
    })();
    // New ids only: a skipped row is never overwritten by a later one, so a skip stays visible.
    const ids = await Promise.all(
      Array.from({ length: 8 }, async (_, writer) => {
        const written: string[] = [];
        for (let round = 0; round < 15; round++) {
          const id = `o-${writer}-${round}`;
          await putEntities(h.db, 'objective', [{ ...OBJECTIVE, id }]);
          written.push(id);
        }
        return written;
      }),
    );
    writing = false;
    await reader;
    await pull(h, 'lead', sync);

    const missing = ids.flat().filter((id) => !sync.cache.has(`objective:${id}`));
    expect(missing).toEqual([]);
  });
});
