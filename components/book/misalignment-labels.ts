import type { KindCounts } from '@/lib/book/types.ts';
import type { MisalignmentView } from '@/lib/panel/view-types.ts';

/** Short names for the kinds of misalignment, as chips, counts and filter options show them. */
export const KIND_LABELS: Record<keyof KindCounts, string> = {
  under_served: 'Under-served',
  over_served: 'Over-served',
  crm_field: 'CRM tier differs',
  benchmark: 'Misses benchmarks',
};

export function kindKey(misalignment: MisalignmentView): keyof KindCounts {
  if (misalignment.direction) return misalignment.direction;
  return misalignment.kind === 'crm_field' ? 'crm_field' : 'benchmark';
}
