import type { KeyResult } from '../schemas/entities.ts';
import type { CacheDb } from './db.ts';
import { toCachedKeyResult } from './rows.ts';

/**
 * The one way key results enter the cache. They arrive from the feed and from outcome and undo
 * responses, in either order: a response can land after a feed page that already carries a later
 * version, and a page read before our outcome was applied can land after its response. So the newer
 * version (by `updatedAt`) wins; on a tie the incoming copy is the same version and is taken.
 * Must run inside a read-write transaction over `keyResults`.
 */
export async function putKeyResults(db: CacheDb, keyResults: readonly KeyResult[]): Promise<void> {
  if (keyResults.length === 0) return;
  const cached = await db.keyResults.bulkGet(keyResults.map((kr) => kr.id));
  const newer = keyResults.filter((kr, i) => {
    const old = cached[i];
    return !old || Date.parse(kr.updatedAt) >= Date.parse(old.updatedAt);
  });
  if (newer.length) await db.keyResults.bulkPut(newer.map(toCachedKeyResult));
}
