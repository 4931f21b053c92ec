import type { RecordLink } from '../crm/record-url.ts';
import type { MisalignmentView } from '../panel/view-types.ts';

/** What filtering, counting and sorting need to know of a misaligned account: no reasons, no link. */
export interface BookEntry {
  id: string;
  name: string;
  /** `attributes.arr` when it is a number; null otherwise. */
  arr: number | null;
  owner: { id: string; name: string } | null;
  tier: { id: string; name: string; rank: number } | null;
  misalignments: Pick<MisalignmentView, 'kind' | 'direction'>[];
}

/** One misaligned account of the book, with what a lead needs to triage it and a way into the CRM. */
export interface MisalignedAccount extends BookEntry {
  misalignments: MisalignmentView[];
  /** The account's record in its CRM; null when no URL can be built for any of its refs. */
  record: RecordLink | null;
}

/** Every misaligned account of the cache, classified (reasons are written per row on demand). */
export interface LeadBook {
  /** Highest ARR first; ties by name, then id. */
  accounts: BookEntry[];
  /** How many accounts were checked. */
  checked: number;
  /** How long the background took to check them, for diagnostics and the benchmark. */
  computeMs: number;
}

/** What a lead filters by kind: a misalignment kind, or one direction of `tier_rules`. */
export const KIND_FILTERS = [
  'all',
  'under_served',
  'over_served',
  'tier_rules',
  'crm_field',
  'benchmark',
] as const;
export type KindFilter = (typeof KIND_FILTERS)[number];
export const SORT_ORDERS = ['arr', 'name'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
export type KindCounts = Record<Exclude<KindFilter, 'all' | 'tier_rules'>, number>;

export interface BookFilters {
  kind: KindFilter;
  /** An owner's id, NO_OWNER for accounts without one, or null for every owner. */
  owner: string | null;
  /** A tier's id, or null for every tier. */
  tier: string | null;
  sort: SortOrder;
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

/** One window of the filtered book: the side panel asks for the rows it is about to show. */
export interface BookQuery extends BookFilters {
  offset: number;
  limit: number;
  /**
   * Answer only once every account is checked. Without it, a window of the ARR order is answered as
   * soon as the accounts down to its last row's ARR are checked, with `counting` set.
   */
  complete?: boolean;
}

export interface Option {
  value: string;
  label: string;
}

/** The answer to a BookQuery: the rows of the window, and what the filters and counts need. */
export interface BookPage {
  offset: number;
  accounts: MisalignedAccount[];
  /** Accounts the filters select. */
  total: number;
  /** Accounts per kind within the owner and tier filters. */
  counts: KindCounts;
  /**
   * The rest of the book is still being checked: the rows are final, but `total`, `counts`,
   * `misaligned`, `checked` and the menus only cover the accounts checked so far.
   */
  counting: boolean;
  /** Misaligned accounts in the whole book, and accounts checked. */
  misaligned: number;
  checked: number;
  computeMs: number;
  owners: Option[];
  tiers: Option[];
}
