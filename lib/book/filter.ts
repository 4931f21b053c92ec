import type { BookEntry, BookFilters, KindCounts, KindFilter, Option } from './types.ts';

export const ALL_ACCOUNTS: BookFilters = { kind: 'all', owner: null, tier: null, sort: 'arr' };
/** Ids are never empty, so the empty string cannot clash with an owner's id. */
export const NO_OWNER = '';

function hasKind(account: BookEntry, kind: KindFilter): boolean {
  if (kind === 'all') return true;
  return account.misalignments.some((m) =>
    kind === 'under_served' || kind === 'over_served' ? m.direction === kind : m.kind === kind,
  );
}

function inScope(account: BookEntry, filters: BookFilters): boolean {
  if (filters.owner !== null && (account.owner?.id ?? NO_OWNER) !== filters.owner) return false;
  return filters.tier === null || account.tier?.id === filters.tier;
}

const collator = new Intl.Collator('en');
const byName = (a: BookEntry, b: BookEntry) => collator.compare(a.name, b.name);

/** The accounts the filters select, in the chosen order; the book arrives sorted by ARR already. */
export function filterBook<T extends BookEntry>(accounts: readonly T[], filters: BookFilters): T[] {
  const kept = accounts.filter((account) => inScope(account, filters) && hasKind(account, filters.kind));
  return filters.sort === 'name' ? kept.sort(byName) : kept;
}

/** Accounts per kind within the owner and tier filters, so the counts answer "how many of each here?". */
export function countKinds(accounts: readonly BookEntry[], filters: BookFilters): KindCounts {
  const counts: KindCounts = { under_served: 0, over_served: 0, crm_field: 0, benchmark: 0 };
  for (const account of accounts) {
    if (!inScope(account, filters)) continue;
    for (const m of account.misalignments) {
      if (m.direction) counts[m.direction] += 1;
      else if (m.kind === 'crm_field' || m.kind === 'benchmark') counts[m.kind] += 1;
    }
  }
  return counts;
}

/** The owners and tiers present in the book, for the filter menus, sorted the way people scan them. */
export function filterOptions(accounts: readonly BookEntry[]): { owners: Option[]; tiers: Option[] } {
  const owners = new Map<string, string>();
  const tiers = new Map<string, { name: string; rank: number }>();
  let unowned = false;
  for (const account of accounts) {
    if (account.owner) owners.set(account.owner.id, account.owner.name);
    else unowned = true;
    if (account.tier) tiers.set(account.tier.id, account.tier);
  }
  const ownerOptions = [...owners]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
  if (unowned) ownerOptions.push({ value: NO_OWNER, label: 'No owner' });
  const tierOptions = [...tiers]
    .sort(([, a], [, b]) => a.rank - b.rank || a.name.localeCompare(b.name))
    .map(([value, tier]) => ({ value, label: tier.name }));
  return { owners: ownerOptions, tiers: tierOptions };
}
