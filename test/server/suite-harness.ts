import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Backend } from './backends.ts';
import { type Harness, harness } from './fixtures.ts';

/**
 * The small snapshot in a fresh database on `backend` for the enclosing suite, closed after it.
 * The object is filled in `beforeAll`: tests read it, the describe body must not.
 */
export function suiteHarness(backend: Backend): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await harness(await backend.open()));
  });
  afterAll(() => h.db?.close());
  return h;
}

/**
 * Like `suiteHarness`, but a fresh database before each test, for suites whose tests change shared
 * rows (key results, account owners). The previous test's database is closed first.
 */
export function testHarness(backend: Backend): Harness {
  const h = {} as Harness;
  beforeEach(async () => {
    await h.db?.close();
    Object.assign(h, await harness(await backend.open()));
  });
  afterAll(() => h.db?.close());
  return h;
}
