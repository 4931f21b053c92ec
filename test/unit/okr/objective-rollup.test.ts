import { describe, expect, it } from 'vitest';
import { objectiveTree } from '../../../lib/okr/objective-rollup.ts';
import type { KeyResult, Objective } from '../../../lib/schemas/entities.ts';

const period = { periodStart: '2026-01-01', periodEnd: '2026-12-31' };
const objective = (id: string, level: Objective['level'], parentId?: string): Objective => ({
  id,
  title: id,
  level,
  ...(parentId ? { parentId } : {}),
  ...period,
});
const kr = (id: string, objectiveId: string, current: number): KeyResult => ({
  id,
  objectiveId,
  title: id,
  unit: 'count',
  direction: 'increase',
  start: 0,
  target: 10,
  current,
  scope: {},
  updatedAt: '2026-01-01T00:00:00Z',
});

describe('objective cascade', () => {
  const now = new Date('2026-07-02T00:00:00Z');
  const tree = objectiveTree(
    [objective('me', 'individual', 'team'), objective('co', 'company'), objective('team', 'team', 'co')],
    [kr('k1', 'team', 10), kr('k2', 'team', 0), kr('k3', 'me', 5)],
    now,
  );

  it.each([
    { path: [0], id: 'co', progress: null, status: undefined },
    { path: [0, 0], id: 'team', progress: 0.5, status: 'on_track' },
    { path: [0, 0, 0], id: 'me', progress: 0.5, status: 'on_track' },
  ])('$id sits under its parent with progress $progress', ({ path, id, progress, status }) => {
    let nodes = tree;
    let node = nodes[path[0] as number];
    for (const index of path.slice(1)) {
      nodes = node?.children ?? [];
      node = nodes[index];
    }
    expect(node?.objective.id).toBe(id);
    expect(node?.progress).toBe(progress);
    expect(node?.pace?.status).toBe(status);
  });

  it('an objective whose parent is missing is a root', () => {
    expect(objectiveTree([objective('lost', 'team', 'gone')], [], now).map((n) => n.objective.id)).toEqual([
      'lost',
    ]);
  });
});
