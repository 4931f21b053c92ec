import { describe, expect, it } from 'vitest';
import { putEntities } from '../../server/store/put.ts';
import { BACKENDS } from './backends.ts';
import { idsOf, newSync, pull } from './feed-client.ts';
import { account, USERS } from './fixtures.ts';
import { testHarness } from './suite-harness.ts';

const EAST = ['a1', 'a2', 'a3', 'a4'];
const WEST = ['w1', 'w2', 'w3'];
const metricsOf = (ids: string[]) => ids.flatMap((id) => [`${id}:nps`, `${id}:p1`]).sort();

describe.each(BACKENDS)('scoping by role on $name', (backend) => {
  // Each test moves accounts around, so each starts from a fresh database.
  const h = testHarness(backend);

  it('shows a CSM and a rep only their team accounts and metrics, plus org-wide data', async () => {
    for (const who of ['east', 'eastRep'] as const) {
      const changes = await pull(h, who, newSync());
      expect(idsOf(changes, 'account')).toEqual(EAST);
      expect(idsOf(changes, 'metric')).toEqual(metricsOf(EAST));
      expect(idsOf(changes, 'user')).toHaveLength(Object.keys(USERS).length);
      expect(idsOf(changes, 'tier')).toEqual(['t1']);
      expect(idsOf(changes, 'keyResult')).toEqual(['k1']);
      expect(idsOf(changes, 'objective')).toEqual(['o1']);
      expect(idsOf(changes, 'metricDefinition')).toEqual(['nps', 'p1']);
    }
    expect(idsOf(await pull(h, 'west', newSync()), 'account')).toEqual(WEST);
  });

  it('shows leads and admins every account, including ones no team owns', async () => {
    for (const who of ['lead', 'admin'] as const) {
      const changes = await pull(h, who, newSync());
      expect(idsOf(changes, 'account')).toEqual([...EAST, 'n1', ...WEST].sort());
      expect(idsOf(changes, 'metric')).toEqual(metricsOf([...EAST, 'n1', ...WEST]));
    }
  });

  it('moves an account between teams: tombstones for the old team, puts for the new', async () => {
    const east = newSync();
    const west = newSync();
    const lead = newSync();
    await Promise.all([pull(h, 'east', east), pull(h, 'west', west), pull(h, 'lead', lead)]);

    await putEntities(h.db, 'account', [account('a1', USERS.west.id)]);

    const eastChanges = await pull(h, 'east', east);
    expect(eastChanges.every((change) => change.op === 'delete')).toBe(true);
    expect(idsOf(eastChanges, 'account', 'delete')).toEqual(['a1']);
    expect(idsOf(eastChanges, 'metric', 'delete')).toEqual(metricsOf(['a1']));
    expect([...east.cache.keys()].filter((k) => k.includes('a1'))).toEqual([]);

    const westChanges = await pull(h, 'west', west);
    expect(westChanges.every((change) => change.op === 'put')).toBe(true);
    expect(idsOf(westChanges, 'account')).toEqual(['a1']);
    expect(idsOf(westChanges, 'metric')).toEqual(metricsOf(['a1']));
    expect(west.cache.get('account:a1')).toMatchObject({ ownerId: USERS.west.id });

    // Leads see both halves, tombstones first, so their cache ends with the account present.
    const leadChanges = await pull(h, 'lead', lead);
    const ops = leadChanges.filter((change) => change.id === 'a1').map((change) => change.op);
    expect(ops).toEqual(['delete', 'put']);
    expect(lead.cache.get('account:a1')).toMatchObject({ ownerId: USERS.west.id });
    expect(lead.cache.has('metric:a1:nps')).toBe(true);

    // Fresh clients see the account on its new side only.
    expect(idsOf(await pull(h, 'east', newSync()), 'account')).toEqual(['a2', 'a3', 'a4']);
    expect(idsOf(await pull(h, 'west', newSync()), 'account')).toEqual(['a1', ...WEST]);
  });

  it('moves every account of a user who changes team, and makes that user resync', async () => {
    const east = newSync();
    const westRep = newSync();
    const wes = newSync();
    await Promise.all([pull(h, 'east', east), pull(h, 'westRep', westRep), pull(h, 'west', wes)]);

    await putEntities(h.db, 'user', [{ ...USERS.west, teamId: 'east' }]);

    const eastChanges = await pull(h, 'east', east);
    expect(idsOf(eastChanges, 'account')).toEqual(WEST);
    expect(idsOf(eastChanges, 'user')).toEqual([USERS.west.id]);
    const westChanges = await pull(h, 'westRep', westRep);
    expect(idsOf(westChanges, 'account', 'delete')).toEqual(WEST);
    expect(idsOf(westChanges, 'metric', 'delete')).toEqual(metricsOf(WEST));

    // Wes can no longer see west's tombstones, so his old cursor cannot keep his cache right.
    const response = await h.get(`/v1/changes?cursor=${wes.cursor}`, 'west');
    expect(response.status).toBe(410);
    expect(idsOf(await pull(h, 'west', newSync()), 'account')).toEqual([...EAST, ...WEST]);
  });

  it('hands an account to leads only when it loses its owner, and back when it gets one', async () => {
    const east = newSync();
    await pull(h, 'east', east);
    await putEntities(h.db, 'account', [account('a2', undefined)]);
    expect(idsOf(await pull(h, 'east', east), 'account', 'delete')).toEqual(['a2']);
    expect(idsOf(await pull(h, 'west', newSync()), 'account')).toEqual(WEST);
    expect(idsOf(await pull(h, 'lead', newSync()), 'account')).toContain('a2');

    await putEntities(h.db, 'account', [account('a2', USERS.east.id)]);
    expect(idsOf(await pull(h, 'east', east), 'account')).toEqual(['a2']);
  });
});
