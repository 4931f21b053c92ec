import type { AdminInput, KeyResult, Objective } from '@/lib/schemas/index.ts';

export type ObjectiveDraft = Record<
  | 'id'
  | 'title'
  | 'level'
  | 'parentId'
  | 'ownerId'
  | 'periodStart'
  | 'periodEnd'
  | 'perspective'
  /** Not a field of the form: carried, so editing an archived objective keeps it archived. */
  | 'archivedAt',
  string
>;
export type KeyResultDraft = Record<
  | 'id'
  | 'objectiveId'
  | 'title'
  | 'unit'
  | 'direction'
  | 'start'
  | 'target'
  | 'current'
  | 'ownerId'
  | 'dueDate'
  | 'confidence'
  | 'accountIds'
  | 'quickLabel'
  | 'quickDelta',
  string
> & { tierIds: string[] };

const opt = <K extends string>(key: K, value: string) =>
  (value.trim() ? { [key]: value.trim() } : {}) as Partial<Record<K, string>>;
const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export const objectiveDraft = (o?: Objective): ObjectiveDraft => ({
  id: o?.id ?? '',
  title: o?.title ?? '',
  level: o?.level ?? 'company',
  parentId: o?.parentId ?? '',
  ownerId: o?.ownerId ?? '',
  periodStart: o?.periodStart ?? '',
  periodEnd: o?.periodEnd ?? '',
  perspective: o?.perspective ?? '',
  archivedAt: o?.archivedAt ?? '',
});

export function objectiveOf(d: ObjectiveDraft): AdminInput<'objectives'> {
  return {
    id: d.id.trim(),
    title: d.title.trim(),
    level: d.level as Objective['level'],
    ...opt('parentId', d.parentId),
    ...opt('ownerId', d.ownerId),
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
    ...(d.perspective ? { perspective: d.perspective as NonNullable<Objective['perspective']> } : {}),
    ...opt('archivedAt', d.archivedAt),
  };
}

/** The objective as stored, archived at `at`, or restored when `at` is null; nothing else changes. */
export const archivedOf = (o: Objective, at: string | null): AdminInput<'objectives'> =>
  objectiveOf({ ...objectiveDraft(o), archivedAt: at ?? '' });

export const keyResultDraft = (objectiveId: string, kr?: KeyResult): KeyResultDraft => ({
  id: kr?.id ?? '',
  objectiveId: kr?.objectiveId ?? objectiveId,
  title: kr?.title ?? '',
  unit: kr?.unit ?? 'count',
  direction: kr?.direction ?? 'increase',
  start: String(kr?.start ?? 0),
  target: kr ? String(kr.target) : '',
  current: kr ? String(kr.current) : '',
  ownerId: kr?.ownerId ?? '',
  dueDate: kr?.dueDate ?? '',
  confidence: kr?.confidence === undefined ? '' : String(kr.confidence),
  accountIds: (kr?.scope.accountIds ?? []).join(', '),
  tierIds: kr?.scope.tierIds ?? [],
  quickLabel: kr?.quickLog?.label ?? '',
  quickDelta: kr?.quickLog ? String(kr.quickLog.delta) : '',
});

export function keyResultOf(d: KeyResultDraft): AdminInput<'keyResults'> {
  const accountIds = d.accountIds
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  return {
    id: d.id.trim(),
    objectiveId: d.objectiveId,
    title: d.title.trim(),
    unit: d.unit as KeyResult['unit'],
    direction: d.direction as KeyResult['direction'],
    start: num(d.start),
    target: num(d.target),
    // Left empty, a new key result starts at `start` and an existing one keeps its value.
    ...(d.current.trim() ? { current: num(d.current) } : {}),
    ...opt('ownerId', d.ownerId),
    ...opt('dueDate', d.dueDate),
    ...(d.confidence.trim() ? { confidence: num(d.confidence) } : {}),
    scope: {
      ...(accountIds.length ? { accountIds } : {}),
      ...(d.tierIds.length ? { tierIds: d.tierIds } : {}),
    },
    ...(d.quickLabel.trim() || d.quickDelta.trim()
      ? { quickLog: { label: d.quickLabel.trim(), delta: num(d.quickDelta) } }
      : {}),
  };
}
