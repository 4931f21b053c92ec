import type { AdminInput, Condition, Tier } from '@/lib/schemas/index.ts';
import { formatValue, parseValue } from '../condition-values.ts';

type Op = Condition['op'];
export const OPS: Op[] = ['>=', '>', '<=', '<', '==', '!=', 'in'];

/** One condition as typed: the value stays text until the tier is built, so nothing typed is lost. */
export interface RowDraft {
  key: number;
  field: string;
  op: Op;
  value: string;
  label: string;
}

export interface TierDraft {
  id: string;
  name: string;
  rank: string;
  color: string;
  description: string;
  all: RowDraft[];
  any: RowDraft[];
  benchmarks: RowDraft[];
}

let nextKey = 1;
export const newRow = (field = ''): RowDraft => ({ key: nextKey++, field, op: '>=', value: '', label: '' });

const rowOf = (field: string, op: Op, value: Condition['value'], label = ''): RowDraft => ({
  key: nextKey++,
  field,
  op,
  value: formatValue(value),
  label,
});

export function draftOf(tier: Tier): TierDraft {
  return {
    id: tier.id,
    name: tier.name,
    rank: String(tier.rank),
    color: tier.color ?? '',
    description: tier.description ?? '',
    all: (tier.criteria.all ?? []).map((c) => rowOf(c.field, c.op, c.value)),
    any: (tier.criteria.any ?? []).map((c) => rowOf(c.field, c.op, c.value)),
    benchmarks: tier.benchmarks.map((b) => rowOf(b.metric, b.op, b.value, b.label ?? '')),
  };
}

export function emptyDraft(rank: number): TierDraft {
  return {
    id: '',
    name: '',
    rank: String(rank),
    color: '',
    description: '',
    all: [newRow()],
    any: [],
    benchmarks: [],
  };
}

const condition = (row: RowDraft): Condition => ({
  field: row.field,
  op: row.op,
  value: parseValue(row.op, row.value),
});

/** The tier as the admin API takes it; checked against the API's own schema before it is sent. */
export function tierOf(draft: TierDraft): AdminInput<'tiers'> {
  return {
    id: draft.id.trim(),
    name: draft.name.trim(),
    rank: draft.rank.trim() === '' ? Number.NaN : Number(draft.rank),
    ...(draft.color.trim() ? { color: draft.color.trim() } : {}),
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    criteria: {
      ...(draft.all.length ? { all: draft.all.map(condition) } : {}),
      ...(draft.any.length ? { any: draft.any.map(condition) } : {}),
    },
    benchmarks: draft.benchmarks.map((row) => ({
      metric: row.field,
      op: row.op,
      value: parseValue(row.op, row.value),
      ...(row.label.trim() ? { label: row.label.trim() } : {}),
    })),
  };
}
