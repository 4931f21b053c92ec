import { useId } from 'react';
import type { BookFilters, KindFilter, Option, SortOrder } from '@/lib/book/types.ts';
import { KIND_LABELS } from './misalignment-labels.ts';

interface BookFilterBarProps {
  filters: BookFilters;
  owners: Option[];
  tiers: Option[];
  onChange: (filters: BookFilters) => void;
}

// Option values carry a prefix so an id can never read as "every owner" or "no owner".
const ALL = 'all';
const toOption = (value: string) => `id:${value}`;
const fromOption = (value: string): string | null => (value === ALL ? null : value.slice(3));

const KIND_OPTIONS: { value: KindFilter; label: string }[] = [
  { value: 'all', label: 'All kinds' },
  { value: 'tier_rules', label: 'Wrong tier (either way)' },
  { value: 'under_served', label: KIND_LABELS.under_served },
  { value: 'over_served', label: KIND_LABELS.over_served },
  { value: 'crm_field', label: KIND_LABELS.crm_field },
  { value: 'benchmark', label: KIND_LABELS.benchmark },
];

const SORT_OPTIONS: { value: SortOrder; label: string }[] = [
  { value: 'arr', label: 'Highest ARR first' },
  { value: 'name', label: 'Name, A to Z' },
];

/** "All …" first, then the book's own values (owners, tiers), each under its prefixed option value. */
function idOptions(allLabel: string, options: Option[]): { value: string; label: string }[] {
  return [
    { value: ALL, label: allLabel },
    ...options.map((option) => ({ value: toOption(option.value), label: option.label })),
  ];
}

interface FilterSelectProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}

/** A select named by its label alone: wrapped in the label, its options would join its name. */
function FilterSelect<T extends string>({ label, value, options, onChange }: FilterSelectProps<T>) {
  const id = useId();
  return (
    <div className="lv-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function BookFilterBar({ filters, owners, tiers, onChange }: BookFilterBarProps) {
  return (
    <div className="lv-filters">
      <FilterSelect
        label="Kind"
        value={filters.kind}
        options={KIND_OPTIONS}
        onChange={(kind) => onChange({ ...filters, kind })}
      />
      <FilterSelect
        label="Owner"
        value={filters.owner === null ? ALL : toOption(filters.owner)}
        options={idOptions('All owners', owners)}
        onChange={(owner) => onChange({ ...filters, owner: fromOption(owner) })}
      />
      <FilterSelect
        label="Tier"
        value={filters.tier === null ? ALL : toOption(filters.tier)}
        options={idOptions('All tiers', tiers)}
        onChange={(tier) => onChange({ ...filters, tier: fromOption(tier) })}
      />
      <FilterSelect
        label="Sort"
        value={filters.sort}
        options={SORT_OPTIONS}
        onChange={(sort) => onChange({ ...filters, sort })}
      />
    </div>
  );
}
