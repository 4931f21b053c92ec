import type { CacheDb } from '../cache/db.ts';
import type { CachedAccount, CachedMetric } from '../cache/rows.ts';
import type { Tier } from '../schemas/entities.ts';
import { classifyAccount, type TierBook } from '../tiers/account-check.ts';
import { arrOf } from '../tiers/arr.ts';
import { rankTiers } from '../tiers/misalignment.ts';
import type { BookEntry } from './types.ts';

/** What every account of the book is checked and described with, loaded once per book. */
export interface BookLookups {
  /** Ranked, as `classifyAccount` needs them. */
  book: TierBook;
  /** As stored: the order in which flag titles look tiers up by name, as the panel does. */
  tiers: readonly Tier[];
  tierById: ReadonlyMap<string, NonNullable<BookEntry['tier']>>;
  ownerById: ReadonlyMap<string, NonNullable<BookEntry['owner']>>;
}

export async function loadBookLookups(db: CacheDb): Promise<BookLookups> {
  const [tiers, definitionRows, users] = await Promise.all([
    db.tiers.toArray(),
    db.metricDefinitions.toArray(),
    db.users.toArray(),
  ]);
  return {
    book: { tiers: rankTiers(tiers), definitions: new Map(definitionRows.map((d) => [d.key, d])) },
    tiers,
    tierById: new Map(tiers.map((t) => [t.id, { id: t.id, name: t.name, rank: t.rank }])),
    ownerById: new Map(users.map((u) => [u.id, { id: u.id, name: u.name }])),
  };
}

/** The account as a book entry when it is misaligned, else null; no reason is written here. */
export function classifyBookEntry(
  account: CachedAccount,
  metrics: readonly CachedMetric[],
  lookups: BookLookups,
): BookEntry | null {
  const found = classifyAccount(account, metrics, lookups.book, account.crmTier);
  if (found.length === 0) return null;
  return {
    id: account.id,
    name: account.name,
    arr: arrOf(account) ?? null,
    owner: (account.ownerId && lookups.ownerById.get(account.ownerId)) || null,
    tier: lookups.tierById.get(account.tierId) ?? null,
    misalignments: found.map((m) => ({
      kind: m.kind,
      direction: m.kind === 'tier_rules' ? m.direction : null,
    })),
  };
}

/** Highest ARR first, accounts without ARR last; then names, then ids, so the order is total. */
export function byImpact(a: BookEntry, b: BookEntry): number {
  return (
    (b.arr ?? -Infinity) - (a.arr ?? -Infinity) ||
    a.name.localeCompare(b.name) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
