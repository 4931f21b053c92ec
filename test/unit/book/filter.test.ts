import { describe, expect, test } from 'vitest';
import { ALL_ACCOUNTS, countKinds, filterBook, filterOptions, NO_OWNER } from '../../../lib/book/filter.ts';
import { createBookPager } from '../../../lib/book/pager.ts';
import type { BookEntry, BookFilters, LeadBook, MisalignedAccount } from '../../../lib/book/types.ts';
import type { MisalignmentView } from '../../../lib/panel/view-types.ts';

const UNDER: MisalignmentView = { kind: 'tier_rules', direction: 'under_served', title: 'u', reasons: [] };
const OVER: MisalignmentView = { kind: 'tier_rules', direction: 'over_served', title: 'o', reasons: [] };
const CRM: MisalignmentView = { kind: 'crm_field', direction: null, title: 'c', reasons: [] };
const BENCH: MisalignmentView = { kind: 'benchmark', direction: null, title: 'b', reasons: [] };
const T1 = { id: 'tier-1', name: 'Tier 1 Strategic', rank: 1 };
const T2 = { id: 'tier-2', name: 'Tier 2 Growth', rank: 2 };
const PRIYA = { id: 'usr-1', name: 'Priya Raman' };
const MARCO = { id: 'usr-2', name: 'Marco Silva' };

function account(name: string, arr: number | null, extra: Partial<MisalignedAccount>): MisalignedAccount {
  return { id: name, name, arr, owner: PRIYA, tier: T2, misalignments: [BENCH], record: null, ...extra };
}

// As the background sends it: highest ARR first.
const BOOK: MisalignedAccount[] = [
  account('Globex', 310_000, { misalignments: [UNDER, BENCH] }),
  account('Zenith', 200_000, { owner: MARCO, tier: T1, misalignments: [OVER] }),
  account('Acme', 120_000, { tier: T1, misalignments: [BENCH] }),
  account('Orphan', 50_000, { owner: null, misalignments: [CRM] }),
  account('Nameless', null, { owner: MARCO, misalignments: [CRM, BENCH] }),
];

const names = (accounts: BookEntry[]) => accounts.map((a) => a.name);
const filters = (extra: Partial<BookFilters>): BookFilters => ({ ...ALL_ACCOUNTS, ...extra });

describe('filterBook', () => {
  test.each<[string, Partial<BookFilters>, string[]]>([
    ['everything, by ARR', {}, ['Globex', 'Zenith', 'Acme', 'Orphan', 'Nameless']],
    ['under-served', { kind: 'under_served' }, ['Globex']],
    ['over-served', { kind: 'over_served' }, ['Zenith']],
    ['wrong tier either way', { kind: 'tier_rules' }, ['Globex', 'Zenith']],
    ['CRM tier differs', { kind: 'crm_field' }, ['Orphan', 'Nameless']],
    ['misses benchmarks', { kind: 'benchmark' }, ['Globex', 'Acme', 'Nameless']],
    ['one owner', { owner: MARCO.id }, ['Zenith', 'Nameless']],
    ['no owner', { owner: NO_OWNER }, ['Orphan']],
    ['one tier', { tier: T1.id }, ['Zenith', 'Acme']],
    ['filters combine', { owner: PRIYA.id, tier: T2.id, kind: 'benchmark' }, ['Globex']],
    ['by name', { sort: 'name' }, ['Acme', 'Globex', 'Nameless', 'Orphan', 'Zenith']],
    ['nothing matches', { owner: 'usr-9' }, []],
  ])('%s', (_name, extra, expected) => {
    expect(names(filterBook(BOOK, filters(extra)))).toEqual(expected);
  });

  test('sorting by name leaves the book itself in ARR order', () => {
    filterBook(BOOK, filters({ sort: 'name' }));
    expect(BOOK[0]?.name).toBe('Globex');
  });
});

describe('countKinds', () => {
  test('counts each kind once per account, within the owner and tier filters only', () => {
    expect(countKinds(BOOK, ALL_ACCOUNTS)).toEqual({
      under_served: 1,
      over_served: 1,
      crm_field: 2,
      benchmark: 3,
    });
    expect(countKinds(BOOK, filters({ owner: MARCO.id, kind: 'over_served' }))).toEqual({
      under_served: 0,
      over_served: 1,
      crm_field: 1,
      benchmark: 1,
    });
  });
});

describe('filterOptions', () => {
  test('owners by name with "No owner" last, tiers by rank', () => {
    expect(filterOptions(BOOK)).toEqual({
      owners: [
        { value: MARCO.id, label: MARCO.name },
        { value: PRIYA.id, label: PRIYA.name },
        { value: NO_OWNER, label: 'No owner' },
      ],
      tiers: [
        { value: T1.id, label: T1.name },
        { value: T2.id, label: T2.name },
      ],
    });
  });
});

describe('createBookPager', () => {
  const book: LeadBook = { accounts: BOOK, checked: 40, computeMs: 12 };

  test('a window of the filtered book, with its total, counts and the menus of the whole book', () => {
    const page = createBookPager()(book, { ...filters({ kind: 'benchmark' }), offset: 1, limit: 1 });
    expect(names(page.accounts)).toEqual(['Acme']);
    expect(page).toMatchObject({
      offset: 1,
      total: 3,
      misaligned: 5,
      checked: 40,
      computeMs: 12,
      counts: { under_served: 1, over_served: 1, crm_field: 2, benchmark: 3 },
    });
    expect(page.owners.map((o) => o.label)).toEqual(['Marco Silva', 'Priya Raman', 'No owner']);
  });

  test('windows past the end are empty; the filtered list is reused while the filters stay', () => {
    const page = createBookPager();
    const first = page(book, { ...filters({ sort: 'name' }), offset: 0, limit: 2 });
    const next = page(book, { ...filters({ sort: 'name' }), offset: 2, limit: 2 });
    expect(names([...first.accounts, ...next.accounts])).toEqual(['Acme', 'Globex', 'Nameless', 'Orphan']);
    expect(next.counts).toBe(first.counts);
    expect(page(book, { ...filters({ sort: 'name' }), offset: 10, limit: 2 }).accounts).toEqual([]);
  });
});
