import type { CacheDb, CachedAccount, CachedMetric } from '../cache/db.ts';
import { accountRecordLink, type CrmBase, learnCrmBases } from '../crm/record-url.ts';
import type { CrmName } from '../crm/types.ts';
import { toMisalignmentView } from '../panel/misalignment-view.ts';
import { checkAccount, type TierBook } from '../tiers/account-check.ts';
import type { LeadBook, MisalignedAccount } from './types.ts';

/**
 * Accounts are read and checked this many at a time. Between chunks the service worker answers
 * other requests, so a panel opened while a big book is being checked does not wait for it.
 */
const CHUNK_SIZE = 500;

interface Chunk {
  accounts: CachedAccount[];
  metrics: CachedMetric[];
}

/** The accounts in id order, each chunk with the metrics of its accounts (one index range read). */
async function* chunks(db: CacheDb): AsyncGenerator<Chunk> {
  let after: string | null = null;
  for (;;) {
    const accounts: CachedAccount[] = await (after === null
      ? db.accounts.orderBy(':id')
      : db.accounts.where(':id').above(after)
    )
      .limit(CHUNK_SIZE)
      .toArray();
    const first = accounts[0]?.id;
    const last = accounts.at(-1)?.id;
    if (first === undefined || last === undefined) return;
    const metrics = await db.metrics.where('accountId').between(first, last, true, true).toArray();
    yield { accounts, metrics };
    if (accounts.length < CHUNK_SIZE) return;
    after = last;
  }
}

function groupByAccount(metrics: readonly CachedMetric[]): Map<string, CachedMetric[]> {
  const grouped = new Map<string, CachedMetric[]>();
  for (const metric of metrics) {
    const group = grouped.get(metric.accountId);
    if (group) group.push(metric);
    else grouped.set(metric.accountId, [metric]);
  }
  return grouped;
}

/** Highest ARR first, accounts without ARR last; names break ties so the order is stable. */
function byImpact(a: MisalignedAccount, b: MisalignedAccount): number {
  return (b.arr ?? -Infinity) - (a.arr ?? -Infinity) || a.name.localeCompare(b.name);
}

interface Lookups {
  book: TierBook;
  tierById: ReadonlyMap<string, TierBook['tiers'][number]>;
  userName: ReadonlyMap<string, string>;
  bases: Map<CrmName, CrmBase>;
}

function misalignedRow(account: CachedAccount, metrics: CachedMetric[], lookups: Lookups) {
  const found = checkAccount(account, metrics, lookups.book, account.crmTier);
  if (found.length === 0) return null;
  const tier = lookups.tierById.get(account.tierId);
  const arr = account.attributes.arr;
  const ownerName = account.ownerId ? lookups.userName.get(account.ownerId) : undefined;
  const row: MisalignedAccount = {
    id: account.id,
    name: account.name,
    arr: typeof arr === 'number' ? arr : null,
    owner: account.ownerId && ownerName ? { id: account.ownerId, name: ownerName } : null,
    tier: tier ? { id: tier.id, name: tier.name, rank: tier.rank } : null,
    misalignments: found.map((m) => toMisalignmentView(m, lookups.book.tiers)),
    record: accountRecordLink(account.crmRefs, lookups.bases),
  };
  return { row, refs: account.crmRefs };
}

/**
 * Every misaligned account in the cache, in one pass over the accounts with their metrics read per
 * chunk through the accountId index, never one query per account. The synced `crmTier` is
 * compared here: CRM pages are only read where they are open.
 */
export async function buildLeadBook(
  db: CacheDb,
  clock: () => number = () => performance.now(),
): Promise<LeadBook> {
  const started = clock();
  const [tiers, definitionRows, users] = await Promise.all([
    db.tiers.toArray(),
    db.metricDefinitions.toArray(),
    db.users.toArray(),
  ]);
  const lookups: Lookups = {
    book: { tiers, definitions: new Map(definitionRows.map((d) => [d.key, d])) },
    tierById: new Map(tiers.map((tier) => [tier.id, tier])),
    userName: new Map(users.map((user) => [user.id, user.name])),
    bases: new Map(),
  };
  const misaligned: MisalignedAccount[] = [];
  // Links are built on the CRM hosts the refs reveal; a row met before any ref revealed its CRM's
  // host is linked again at the end, when every ref has been seen.
  const unlinked: { row: MisalignedAccount; refs: CachedAccount['crmRefs'] }[] = [];
  let checked = 0;
  for await (const chunk of chunks(db)) {
    for (const [crm, base] of learnCrmBases(chunk.accounts.flatMap((a) => a.crmRefs))) {
      if (!lookups.bases.has(crm)) lookups.bases.set(crm, base);
    }
    const metricsOf = groupByAccount(chunk.metrics);
    for (const account of chunk.accounts) {
      const found = misalignedRow(account, metricsOf.get(account.id) ?? [], lookups);
      if (!found) continue;
      misaligned.push(found.row);
      if (!found.row.record) unlinked.push(found);
    }
    checked += chunk.accounts.length;
  }
  for (const { row, refs } of unlinked) row.record = accountRecordLink(refs, lookups.bases);
  misaligned.sort(byImpact);
  return { accounts: misaligned, checked, computeMs: clock() - started };
}
