import { foregroundGate } from '../background/foreground-gate.ts';
import { accountChunks } from '../cache/account-store.ts';
import type { CacheDb } from '../cache/db.ts';
import { type BookLookups, byImpact, classifyBookEntry } from './classify.ts';
import type { BookEntry, LeadBook } from './types.ts';

/**
 * Account blocks are read and checked about 200 accounts at a time. Before each chunk the pass gives
 * way to what a CRM page waits on, so a panel that asks mid-pass waits for one chunk's read at most.
 */
const ACCOUNTS_PER_CHUNK = 200;

/**
 * Every misaligned account in the cache, classified in one pass over the blocks, each account with
 * the metrics stored beside it. No reason is written: those are written for the rows on screen only.
 * The synced `crmTier` is compared here: CRM pages are only read where they are open.
 */
export async function buildLeadBook(
  db: CacheDb,
  lookups: BookLookups,
  clock: () => number = () => performance.now(),
): Promise<LeadBook> {
  const started = clock();
  const misaligned: BookEntry[] = [];
  let checked = 0;
  for await (const chunk of accountChunks(db, ACCOUNTS_PER_CHUNK, () => foregroundGate.idle())) {
    for (const { account, metrics } of chunk) {
      const entry = classifyBookEntry(account, metrics, lookups);
      if (entry) misaligned.push(entry);
    }
    checked += chunk.length;
  }
  misaligned.sort(byImpact);
  return { accounts: misaligned, checked, computeMs: clock() - started };
}
