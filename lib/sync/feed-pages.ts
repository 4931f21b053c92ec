import type { BackendClient } from '../backend/client.ts';
import { type RecordProblem, type ValidChange, validateChanges } from './validate-changes.ts';

export interface FeedPage {
  valid: ValidChange[];
  problems: RecordProblem[];
  cursor: string;
  hasMore: boolean;
}

async function readPage(client: BackendClient, cursor: string | null, pageSize: number): Promise<FeedPage> {
  const page = await client.changes(cursor, pageSize);
  return { ...validateChanges(page.changes), cursor: page.cursor, hasMore: page.hasMore };
}

/**
 * The feed's pages from `cursor` on, in order, validated. While the caller stores one page, the next
 * is already being fetched and validated, so the network, the backend and validation overlap the
 * IndexedDB writes. A failure reading a page surfaces only when the caller asks for that page, i.e.
 * after the previous page was stored.
 */
export async function* feedPages(
  client: BackendClient,
  cursor: string | null,
  pageSize: number,
): AsyncGenerator<FeedPage> {
  let next = readPage(client, cursor, pageSize);
  for (;;) {
    const page = await next;
    if (page.hasMore) {
      next = readPage(client, page.cursor, pageSize);
      // Handled when awaited; this keeps a page nobody will ask for (the caller failed) from being reported as unhandled.
      next.catch(() => undefined);
    }
    yield page;
    if (!page.hasMore) return;
  }
}
