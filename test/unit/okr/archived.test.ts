import { expect, test } from 'vitest';
import { archivedOf, objectiveDraft, objectiveOf } from '../../../components/admin/objectives/forms.ts';
import { isArchived } from '../../../lib/okr/archived.ts';
import type { Objective } from '../../../lib/schemas/index.ts';

const AT = '2026-12-01T10:00:00.000Z';
const base: Objective = {
  id: 'o1',
  title: 'Grow',
  level: 'company',
  periodStart: '2026-10-01',
  periodEnd: '2026-12-31',
  perspective: 'financial',
  source: 'workspace',
  updatedBy: 'u1',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

test.each([
  ['no archivedAt', {}, false],
  ['archivedAt set', { archivedAt: AT }, true],
  [
    'archivedAt in the future still counts: archiving is an act, not a schedule',
    { archivedAt: '2099-01-01T00:00:00Z' },
    true,
  ],
] as const)('%s → archived: %s', (_, extra, expected) => {
  expect(isArchived({ ...base, ...extra })).toBe(expected);
});

const { source: _s, updatedBy: _b, updatedAt: _u, ...written } = base;

test.each([
  ['archiving an active objective', base, AT, { ...written, archivedAt: AT }],
  ['restoring an archived one', { ...base, archivedAt: AT }, null, written],
  [
    'archiving again moves the moment',
    { ...base, archivedAt: '2026-01-01T00:00:00Z' },
    AT,
    { ...written, archivedAt: AT },
  ],
] as const)('%s writes the objective unchanged but for archivedAt', (_, objective, at, expected) => {
  expect(archivedOf(objective, at)).toEqual(expected);
});

test('editing an archived objective in the form keeps it archived', () => {
  const draft = objectiveDraft({ ...base, archivedAt: AT });
  expect(objectiveOf({ ...draft, title: 'Grown' })).toEqual({ ...written, title: 'Grown', archivedAt: AT });
});
