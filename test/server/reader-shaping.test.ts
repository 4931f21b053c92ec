import { describe, expect, it } from 'vitest';
import { ENTITY_SCHEMAS, type KeyResult } from '../../lib/schemas/index.ts';
import { putEntities } from '../../server/store/put.ts';
import { BACKENDS } from './backends.ts';
import { newSync, pull } from './feed-client.ts';
import { account, QBRS, USERS } from './fixtures.ts';
import { testHarness } from './suite-harness.ts';

/** Named accounts of both teams, the unowned one, and one that does not exist yet. */
const NAMED: KeyResult = { ...QBRS, id: 'k-named', scope: { accountIds: ['w2', 'a1', 'n1', 'a3', 'x9'] } };

const scopeOf = (sync: ReturnType<typeof newSync>) =>
  (sync.cache.get('keyResult:k-named') as KeyResult | undefined)?.scope.accountIds;
const emailOf = (sync: ReturnType<typeof newSync>, id: string) =>
  (sync.cache.get(`user:${id}`) as { email?: string } | undefined)?.email;

describe.each(BACKENDS)('the feed shaped for its reader on $name', (backend) => {
  const h = testHarness(backend);

  it('lists in a key result’s scope only the accounts the reader can read', async () => {
    await putEntities(h.db, 'keyResult', [NAMED]);
    const [east, west, lead] = [newSync(), newSync(), newSync()];
    await Promise.all([pull(h, 'east', east), pull(h, 'westRep', west), pull(h, 'lead', lead)]);
    expect(scopeOf(east)).toEqual(['a1', 'a3']);
    expect(scopeOf(west)).toEqual(['w2']);
    expect(scopeOf(lead)).toEqual(NAMED.scope.accountIds);
    for (const sync of [east, west]) {
      expect(ENTITY_SCHEMAS.keyResult.safeParse(sync.cache.get('keyResult:k-named')).success).toBe(true);
    }

    // An account moving team, or arriving, sends the key result again with the new cut.
    await putEntities(h.db, 'account', [account('a1', USERS.west.id), account('x9', USERS.east.id)]);
    await Promise.all([pull(h, 'east', east), pull(h, 'westRep', west)]);
    expect(scopeOf(east)).toEqual(['a3', 'x9']);
    expect(scopeOf(west)).toEqual(['w2', 'a1']);
  });

  it('sends a user’s email only to their own team, to themselves, and to leads and admins', async () => {
    const east = newSync();
    await pull(h, 'east', east);
    expect(emailOf(east, USERS.east.id)).toBe(USERS.east.email);
    expect(emailOf(east, USERS.eastRep.id)).toBe(USERS.eastRep.email);
    for (const other of [USERS.west, USERS.westRep, USERS.lead, USERS.admin]) {
      expect(emailOf(east, other.id)).toBeUndefined();
      // Name and role stay: the panel says who logged an outcome.
      expect(east.cache.get(`user:${other.id}`)).toMatchObject(
        Object.fromEntries(Object.entries(other).filter(([key]) => key !== 'email')),
      );
      expect(ENTITY_SCHEMAS.user.safeParse(east.cache.get(`user:${other.id}`)).success).toBe(true);
    }
    for (const who of ['lead', 'admin'] as const) {
      const sync = newSync();
      await pull(h, who, sync);
      for (const user of Object.values(USERS)) expect(emailOf(sync, user.id)).toBe(user.email);
    }
  });
});
