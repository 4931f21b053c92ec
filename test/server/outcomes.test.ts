import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type OutcomesResponse, type RawChange } from '../../lib/schemas/index.ts';
import { putEntities } from '../../server/store/put.ts';
import { BACKENDS } from './backends.ts';
import { idsOf, newSync, pull } from './feed-client.ts';
import { account, QBRS, smallSnapshot, USERS } from './fixtures.ts';
import { currentOf, deleteRaw, outcome, post, postRaw, undo } from './outcome-client.ts';
import { testHarness } from './suite-harness.ts';

/** k1 (linked to every account through tier t1) starts here; k2 is linked to a2 alone. */
const START = 2;
const K2_START = 10;

const statuses = (response: OutcomesResponse) => response.results.map((result) => result.status);
const ops = (changes: RawChange[]) =>
  changes.map((change) => `${change.op} ${change.type}:${change.id}`).sort();

describe.each(BACKENDS)('outcomes on $name', (backend) => {
  // Outcomes move shared KRs, so each test starts from a fresh database.
  const h = testHarness(backend);
  beforeEach(async () => {
    const [k1] = smallSnapshot().keyResults;
    if (k1 === undefined) throw new Error('the fixture has no key result');
    await putEntities(h.db, 'keyResult', [
      { ...k1, id: 'k2', current: K2_START, scope: { accountIds: ['a2'] } },
    ]);
  });

  it('applies an outcome: moves current and feeds the KR and the outcome to whoever sees the account', async () => {
    const east = newSync();
    const west = newSync();
    const lead = newSync();
    await Promise.all([pull(h, 'east', east), pull(h, 'west', west), pull(h, 'lead', lead)]);
    const before = Date.now();

    const logged = outcome('eastRep', { delta: 3, note: 'QBR held' });
    const response = await post(h, 'eastRep', [logged]);
    expect(response.results).toEqual([{ id: logged.id, status: 'applied' }]);
    expect(response.keyResults).toEqual([expect.objectContaining({ id: 'k1', current: START + 3 })]);
    const kr = response.keyResults[0];
    expect(Date.parse(kr?.updatedAt ?? '')).toBeGreaterThanOrEqual(before);
    expect(await currentOf(h, 'k1')).toBe(START + 3);

    for (const [who, sync] of [
      ['east', east],
      ['lead', lead],
    ] as const) {
      expect(ops(await pull(h, who, sync))).toEqual([`put keyResult:k1`, `put outcome:${logged.id}`]);
      expect(sync.cache.get(`outcome:${logged.id}`)).toEqual(logged);
      expect(sync.cache.get('keyResult:k1')).toEqual(kr);
    }
    // KRs are org-wide, but the outcome belongs to east's account, which west cannot see.
    expect(ops(await pull(h, 'west', west))).toEqual(['put keyResult:k1']);
    expect(idsOf(await pull(h, 'west', newSync()), 'outcome')).toEqual([]);
  });

  it('lets leads and admins log on any account, and CSMs and reps only on their team’s', async () => {
    const cases = [
      ['lead', 'w1', 'applied'],
      ['admin', 'n1', 'applied'],
      ['west', 'w2', 'applied'],
      ['westRep', 'a3', 'rejected'],
      ['east', 'n1', 'rejected'],
    ] as const;
    for (const [who, accountId, status] of cases) {
      const response = await post(h, who, [outcome(who, { accountId })]);
      expect([who, accountId, statuses(response)]).toEqual([who, accountId, [status]]);
    }
    expect(await currentOf(h, 'k1')).toBe(START + 3);
  });

  it('gives a duplicate no second effect, across requests and within one', async () => {
    const batch = [outcome('eastRep', { delta: 2 }), outcome('eastRep', { delta: 3, accountId: 'a2' })];
    expect(statuses(await post(h, 'eastRep', batch))).toEqual(['applied', 'applied']);
    const lead = newSync();
    await pull(h, 'lead', lead);

    expect(await post(h, 'eastRep', batch)).toEqual({
      results: batch.map((o) => ({ id: o.id, status: 'duplicate' })),
      keyResults: [],
    });
    expect(await currentOf(h, 'k1')).toBe(START + 5);
    expect(await pull(h, 'lead', lead)).toEqual([]);

    const twice = outcome('eastRep', { delta: 10 });
    const response = await post(h, 'eastRep', [twice, twice]);
    expect(statuses(response)).toEqual(['applied', 'duplicate']);
    expect(response.keyResults).toEqual([expect.objectContaining({ id: 'k1', current: START + 15 })]);
    expect(await currentOf(h, 'k1')).toBe(START + 15);
  });

  it('counts several outcomes on one KR in one request, and answers each KR once', async () => {
    const response = await post(h, 'eastRep', [
      outcome('eastRep', { delta: 1 }),
      outcome('eastRep', { delta: 2, keyResultId: 'k2', accountId: 'a2' }),
      outcome('eastRep', { delta: 4, accountId: 'a3' }),
    ]);
    expect(statuses(response)).toEqual(['applied', 'applied', 'applied']);
    expect(response.keyResults.map((kr) => [kr.id, kr.current])).toEqual([
      ['k1', START + 5],
      ['k2', K2_START + 2],
    ]);
    expect(await currentOf(h, 'k1')).toBe(START + 5);
  });

  it('rejects an id reused for other content, in a later request and within one', async () => {
    const first = outcome('eastRep');
    await post(h, 'eastRep', [first]);
    const variants = [
      { delta: 2 },
      { note: 'another note' },
      { accountId: 'a2' },
      { occurredAt: '2026-11-16T11:00:00.000Z' },
      { keyResultId: 'k2', accountId: 'a2' },
    ];
    const response = await post(
      h,
      'eastRep',
      variants.map((variant) => ({ ...first, ...variant })),
    );
    expect(response.results).toEqual(
      variants.map(() => ({
        id: first.id,
        status: 'rejected',
        reason: 'id already used for a different outcome',
      })),
    );

    const fresh = outcome('eastRep');
    expect(statuses(await post(h, 'eastRep', [fresh, { ...fresh, delta: 5 }]))).toEqual([
      'applied',
      'rejected',
    ]);
    expect(await currentOf(h, 'k1')).toBe(START + 2);
    expect(await currentOf(h, 'k2')).toBe(K2_START);
  });

  it('rejects what the user may not log, with a reason, and still applies the rest of the batch', async () => {
    const first = outcome('eastRep', { delta: 1 });
    const last = outcome('eastRep', { delta: 2, keyResultId: 'k2', accountId: 'a2' });
    const bad: [string, ReturnType<typeof outcome>][] = [
      ['unknown key result', outcome('eastRep', { keyResultId: 'k-missing' })],
      ['no access to this account', outcome('eastRep', { accountId: 'w1' })],
      ['no access to this account', outcome('eastRep', { accountId: 'account-missing' })],
      [
        'key result is not linked to this account',
        outcome('eastRep', { keyResultId: 'k2', accountId: 'a1' }),
      ],
      ['loggedBy is not the user of this token', outcome('east')],
    ];
    const response = await post(h, 'eastRep', [first, ...bad.map(([, o]) => o), last]);
    expect(response.results).toEqual([
      { id: first.id, status: 'applied' },
      ...bad.map(([reason, o]) => ({ id: o.id, status: 'rejected', reason })),
      { id: last.id, status: 'applied' },
    ]);
    expect(await currentOf(h, 'k1')).toBe(START + 1);
    expect(await currentOf(h, 'k2')).toBe(K2_START + 2);
    expect(idsOf(await pull(h, 'lead', newSync()), 'outcome')).toEqual([first.id, last.id].sort());
  });

  it('undoes once: reverts current, tombstones the outcome, and a repeat changes nothing', async () => {
    const logged = outcome('eastRep', { delta: 4 });
    await post(h, 'eastRep', [logged]);
    const east = newSync();
    await pull(h, 'east', east);
    expect(east.cache.has(`outcome:${logged.id}`)).toBe(true);

    // Another team cannot see the outcome, so it can neither undo it nor learn that it exists.
    // Its answer is that of an id never seen: the undo only revokes west's own delivery of that id.
    expect(await undo(h, 'west', logged.id)).toEqual({ id: logged.id, status: 'revoked', keyResults: [] });
    expect(await currentOf(h, 'k1')).toBe(START + 4);

    const first = await undo(h, 'eastRep', logged.id);
    expect(first).toEqual({
      id: logged.id,
      status: 'undone',
      keyResults: [expect.objectContaining({ id: 'k1', current: START })],
    });
    expect(await currentOf(h, 'k1')).toBe(START);
    expect(ops(await pull(h, 'east', east))).toEqual([`delete outcome:${logged.id}`, 'put keyResult:k1']);
    expect(east.cache.has(`outcome:${logged.id}`)).toBe(false);
    expect(east.cache.get('keyResult:k1')).toEqual(first.keyResults[0]);

    expect(await undo(h, 'eastRep', logged.id)).toEqual({
      id: logged.id,
      status: 'already_undone',
      keyResults: [],
    });
    expect(await undo(h, 'admin', logged.id)).toEqual({
      id: logged.id,
      status: 'already_undone',
      keyResults: [],
    });
    expect(await currentOf(h, 'k1')).toBe(START);
    expect(await pull(h, 'east', east)).toEqual([]);
  });

  it('lets an admin undo an outcome of someone on any team', async () => {
    const logged = outcome('westRep', { accountId: 'w1', delta: 3 });
    await post(h, 'westRep', [logged]);
    expect((await undo(h, 'admin', logged.id)).status).toBe('undone');
    expect(await currentOf(h, 'k1')).toBe(START);
  });

  it('refuses an outcome that its user undid before it arrived', async () => {
    const late = outcome('eastRep', { delta: 6 });
    const revoked = { id: late.id, status: 'revoked', keyResults: [] };
    expect(await undo(h, 'eastRep', late.id)).toEqual(revoked);
    expect(await undo(h, 'eastRep', late.id)).toEqual(revoked);

    expect(await post(h, 'eastRep', [late])).toEqual({
      results: [{ id: late.id, status: 'rejected', reason: 'undone before it arrived' }],
      keyResults: [],
    });
    expect(await currentOf(h, 'k1')).toBe(START);
    expect(idsOf(await pull(h, 'lead', newSync()), 'outcome')).toEqual([]);

    // A revocation binds only the user who made it: nobody else can block another user's outcome.
    const other = outcome('westRep', { accountId: 'w1' });
    expect((await undo(h, 'east', other.id)).status).toBe('revoked');
    expect(statuses(await post(h, 'westRep', [other]))).toEqual(['applied']);
  });

  it('treats an undone outcome sent again as a duplicate, with no effect', async () => {
    const logged = outcome('eastRep', { delta: 5 });
    await post(h, 'eastRep', [logged]);
    await undo(h, 'eastRep', logged.id);
    const lead = newSync();
    await pull(h, 'lead', lead);

    expect(await post(h, 'eastRep', [logged])).toEqual({
      results: [{ id: logged.id, status: 'duplicate' }],
      keyResults: [],
    });
    expect(await currentOf(h, 'k1')).toBe(START);
    expect(await pull(h, 'lead', lead)).toEqual([]);
  });

  it('keeps an undone outcome out of the feed when its account changes team', async () => {
    const kept = outcome('eastRep');
    const undone = outcome('eastRep', { delta: 2 });
    await post(h, 'eastRep', [kept, undone]);
    await undo(h, 'eastRep', undone.id);

    await putEntities(h.db, 'account', [account('a1', USERS.west.id)]);
    expect(idsOf(await pull(h, 'west', newSync()), 'outcome')).toEqual([kept.id]);
    expect(idsOf(await pull(h, 'lead', newSync()), 'outcome')).toEqual([kept.id]);
  });

  it('answers 400 for a batch of 0 or 101, bad JSON, an item that is not an object, or an undo id that is not a uuid', async () => {
    const tooMany = await postRaw(h, 'eastRep', {
      outcomes: Array.from({ length: 101 }, () => outcome('eastRep')),
    });
    expect(tooMany.status).toBe(400);
    const body = ApiError.parse(await tooMany.json());
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.details).toEqual([expect.objectContaining({ path: ['outcomes'], code: 'too_big' })]);
    expect(await currentOf(h, 'k1')).toBe(START);

    expect((await postRaw(h, 'eastRep', { outcomes: [] })).status).toBe(400);
    const badJson = await postRaw(h, 'eastRep', '{"outcomes": [');
    expect(badJson.status).toBe(400);
    expect(ApiError.parse(await badJson.json()).error.code).toBe('invalid_json');
    expect((await postRaw(h, 'eastRep', { outcomes: [outcome('eastRep'), 'not an object'] })).status).toBe(
      400,
    );
    expect((await deleteRaw(h, 'eastRep', 'not-a-uuid')).status).toBe(400);

    const full = await post(
      h,
      'eastRep',
      Array.from({ length: 100 }, () => outcome('eastRep')),
    );
    expect(new Set(statuses(full))).toEqual(new Set(['applied']));
    expect(await currentOf(h, 'k1')).toBe(START + 100);
  });

  it('counts each of 20 concurrent requests on one KR exactly once', async () => {
    // A target far enough away that the 20 deltas stay within the KR's range.
    await putEntities(h.db, 'keyResult', [{ ...QBRS, target: 100 }]);
    const writers = ['east', 'eastRep', 'lead', 'admin'] as const;
    const sent = Array.from({ length: 20 }, (_, i) => {
      const who = writers[i % writers.length] ?? 'lead';
      return { who, outcome: outcome(who, { delta: i + 1, accountId: `a${(i % 4) + 1}` }) };
    });
    const responses = await Promise.all(sent.map(({ who, outcome: o }) => post(h, who, [o])));

    expect(responses.flatMap(statuses)).toEqual(sent.map(() => 'applied'));
    const total = START + (20 * 21) / 2;
    expect(await currentOf(h, 'k1')).toBe(total);
    // Serialised writers each saw a distinct state, the last of them the total.
    const seen = responses.map((response) => response.keyResults[0]?.current ?? Number.NaN);
    expect(new Set(seen).size).toBe(20);
    expect(Math.max(...seen)).toBe(total);
    const lead = newSync();
    await pull(h, 'lead', lead);
    expect(lead.cache.get('keyResult:k1')).toMatchObject({ current: total });
    expect(idsOf(lead.log, 'outcome')).toEqual(sent.map(({ outcome: o }) => o.id).sort());
  });
});
