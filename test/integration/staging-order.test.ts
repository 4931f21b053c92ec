import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CacheDb } from '../../lib/cache/db.ts';
import { AccountOrder, stagePage } from '../../lib/sync/staging.ts';
import type { ValidChange } from '../../lib/sync/validate-changes.ts';

const page = (valid: ValidChange[], cursor: string) => ({ valid, problems: [], cursor, hasMore: true });

describe("staging: a metric's tombstone and the account order", () => {
  let db: CacheDb;
  beforeEach(() => {
    db = new CacheDb(`staging-order-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  test('a tombstone for a metric of an account the feed never named gives no id a place', async () => {
    const order = new AccountOrder();
    const state = await stagePage(
      db,
      page([{ type: 'metric', op: 'delete', id: 'acc:a:b:nps' }], 'c1'),
      undefined,
      order,
    );
    expect(state.accounts).toBe(0);
    expect(order.size).toBe(0);
  });

  test("a tombstone for a named account's metric is staged in that account's bucket, and adds no id", async () => {
    const order = new AccountOrder();
    order.bucketOf('acc:a');
    order.takeNew();
    const state = await stagePage(
      db,
      page([{ type: 'metric', op: 'delete', id: 'acc:a:nps' }], 'c1'),
      undefined,
      order,
    );
    expect(state.accounts).toBe(1);
    const rows = await db.stagedChanges.toArray();
    expect(rows.filter((row) => row.bucket === 0).flatMap((row) => row.changes)).toHaveLength(1);
  });
});
