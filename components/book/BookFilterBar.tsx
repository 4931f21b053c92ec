import { type ReactNode, useId } from 'react';
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

/** A select named by its label alone: wrapped in the label, its options would join its name. */
function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="lv-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

export function BookFilterBar({ filters, owners, tiers, onChange }: BookFilterBarProps) {
  return (
    <div className="lv-filters">
      <Field label="Kind">
        {(fieldId) => (
          <select
            id={fieldId}
            value={filters.kind}
            onChange={(e) => onChange({ ...filters, kind: e.target.value as KindFilter })}
          >
            {KIND_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Owner">
        {(fieldId) => (
          <select
            id={fieldId}
            value={filters.owner === null ? ALL : toOption(filters.owner)}
            onChange={(e) => onChange({ ...filters, owner: fromOption(e.target.value) })}
          >
            <option value={ALL}>All owners</option>
            {owners.map((owner) => (
              <option key={owner.value} value={toOption(owner.value)}>
                {owner.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Tier">
        {(fieldId) => (
          <select
            id={fieldId}
            value={filters.tier === null ? ALL : toOption(filters.tier)}
            onChange={(e) => onChange({ ...filters, tier: fromOption(e.target.value) })}
          >
            <option value={ALL}>All tiers</option>
            {tiers.map((tier) => (
              <option key={tier.value} value={toOption(tier.value)}>
                {tier.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Sort">
        {(fieldId) => (
          <select
            id={fieldId}
            value={filters.sort}
            onChange={(e) => onChange({ ...filters, sort: e.target.value as SortOrder })}
          >
            <option value="arr">Highest ARR first</option>
            <option value="name">Name, A to Z</option>
          </select>
        )}
      </Field>
    </div>
  );
}
