import { ChangesResponse, type RawChange } from '../../lib/schemas/index.ts';
import type { Harness, USERS } from './fixtures.ts';

export interface Sync {
  cursor: string | undefined;
  /** Every change received, in order. */
  log: RawChange[];
  /** The cache a client would hold: "type:id" → data. */
  cache: Map<string, unknown>;
  pages: number;
}

export function newSync(): Sync {
  return { cursor: undefined, log: [], cache: new Map(), pages: 0 };
}

/** Pulls pages until hasMore is false, applying them like the extension does. */
export async function pull(
  h: Harness,
  who: keyof typeof USERS,
  sync: Sync,
  limit = 1000,
): Promise<RawChange[]> {
  const received: RawChange[] = [];
  for (;;) {
    const query = new URLSearchParams({ limit: String(limit) });
    if (sync.cursor !== undefined) query.set('cursor', sync.cursor);
    const response = await h.get(`/v1/changes?${query}`, who);
    if (response.status !== 200)
      throw new Error(`changes answered ${response.status}: ${await response.text()}`);
    const page = ChangesResponse.parse(await response.json());
    for (const change of page.changes) {
      const key = `${change.type}:${change.id}`;
      if (change.op === 'put') sync.cache.set(key, change.data);
      else sync.cache.delete(key);
    }
    received.push(...page.changes);
    sync.log.push(...page.changes);
    sync.cursor = page.cursor;
    sync.pages++;
    if (!page.hasMore) return received;
  }
}

export function idsOf(changes: RawChange[], type: RawChange['type'], op: RawChange['op'] = 'put'): string[] {
  return changes
    .filter((change) => change.type === type && change.op === op)
    .map((change) => change.id)
    .sort();
}
