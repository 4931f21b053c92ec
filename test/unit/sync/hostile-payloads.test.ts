import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { openAccountWriter } from '../../../lib/cache/account-store.ts';
import { CacheDb } from '../../../lib/cache/db.ts';
import type { RawChange } from '../../../lib/schemas/api.ts';
import { ENTITY_SCHEMAS, type EntityType, metricId } from '../../../lib/schemas/entities.ts';
import { applyChanges } from '../../../lib/sync/apply-changes.ts';
import { validateChanges } from '../../../lib/sync/validate-changes.ts';
import { demoSnapshot } from '../../../server/index.ts';

const demo = demoSnapshot();
const SEEDS: { type: EntityType; data: Record<string, unknown> }[] = [
  ...demo.accounts.slice(0, 20).map((data) => ({ type: 'account' as const, data })),
  ...demo.keyResults.map((data) => ({ type: 'keyResult' as const, data })),
  ...demo.tiers.map((data) => ({ type: 'tier' as const, data })),
  ...demo.metrics.slice(0, 20).map((data) => ({ type: 'metric' as const, data })),
  ...demo.users.map((data) => ({ type: 'user' as const, data })),
];

function deepNesting(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { nested: value };
  return value;
}

/** What a broken or hostile backend might put where a field should be. */
const hostileValue = fc.oneof(
  fc.constant(null),
  fc.constant('x'.repeat(1_000_000)),
  fc.constant('<img src=x onerror=alert(1)>'),
  fc.constant(deepNesting(5_000)),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}')),
  fc.constant({ constructor: { prototype: { polluted: true } } }),
  fc.double(),
  fc.string(),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 5 }),
);

const FIELDS = [
  'id',
  'name',
  'tierId',
  'crmRefs',
  'attributes',
  'updatedAt',
  'current',
  'scope',
  'value',
  'key',
  'role',
  'email',
  '__proto__',
  'criteria',
];

const hostileChange: fc.Arbitrary<RawChange> = fc
  .record({
    seed: fc.constantFrom(...SEEDS),
    field: fc.constantFrom(...FIELDS),
    value: hostileValue,
    keepValid: fc.boolean(),
  })
  .map(({ seed, field, value, keepValid }) => {
    // Through JSON, as the wire delivers it: "__proto__" arrives as an own property.
    const data = JSON.parse(JSON.stringify(seed.data)) as Record<string, unknown>;
    if (!keepValid)
      Object.defineProperty(data, field, { value, enumerable: true, configurable: true, writable: true });
    const id =
      seed.type === 'metric'
        ? metricId(seed.data as { accountId: string; key: string })
        : String(seed.data.id);
    return { type: seed.type, op: 'put', id, data };
  });

describe('hostile backend payloads', () => {
  const db = new CacheDb(`hostile-${Math.random()}`);
  afterAll(() => db.delete());

  test('10 000 generated records: only schema-valid rows ever reach the cache, nothing is polluted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileChange, { minLength: 100, maxLength: 100 }), async (changes) => {
        const { valid, problems } = validateChanges(changes);
        expect(valid.length + new Set(problems.map((p) => `${p.type}:${p.id}`)).size).toBeGreaterThan(0);
        const writer = await openAccountWriter(db);
        await db.transaction('rw', [...db.entityTables, db.kv], async () => applyChanges(db, valid, writer));
        // Every entry, those holding only metrics of an account not cached too.
        for (const { account, metrics } of (await db.accountBlocks.toArray()).flatMap((b) => b.entries)) {
          if (account) expect(ENTITY_SCHEMAS.account.safeParse(account).success).toBe(true);
          for (const metric of metrics) expect(ENTITY_SCHEMAS.metric.safeParse(metric).success).toBe(true);
        }
        for (const kr of await db.keyResults.toArray())
          expect(ENTITY_SCHEMAS.keyResult.safeParse(kr).success).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 100, seed: 7 },
    );
  }, 120_000);
});
