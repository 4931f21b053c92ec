import type { KeyResult, Objective } from '../schemas/entities.ts';
import { keyResultPace, type Pace } from './pace.ts';
import { keyResultProgress } from './progress.ts';

export interface ObjectiveNode {
  objective: Objective;
  keyResults: KeyResult[];
  /** Mean progress of its key results; null when it has none. */
  progress: number | null;
  pace: Pace | null;
  children: ObjectiveNode[];
}

const LEVEL_ORDER = { company: 0, team: 1, individual: 2 } as const;

/**
 * The cascade company → team → individual as a forest: each objective under its parent, its progress
 * the mean of its key results' (lib/okr/progress), its pace over its own period (lib/okr/pace).
 */
export function objectiveTree(objectives: Objective[], keyResults: KeyResult[], now: Date): ObjectiveNode[] {
  const krsOf = new Map<string, KeyResult[]>();
  for (const kr of keyResults) krsOf.set(kr.objectiveId, [...(krsOf.get(kr.objectiveId) ?? []), kr]);
  const nodes = new Map<string, ObjectiveNode>();
  for (const objective of objectives) {
    const krs = krsOf.get(objective.id) ?? [];
    const progress = krs.length ? krs.reduce((sum, kr) => sum + keyResultProgress(kr), 0) / krs.length : null;
    nodes.set(objective.id, {
      objective,
      keyResults: krs,
      progress,
      pace:
        progress === null ? null : keyResultPace(progress, objective.periodStart, objective.periodEnd, now),
      children: [],
    });
  }
  const roots: ObjectiveNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.objective.parentId ? nodes.get(node.objective.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const order = (list: ObjectiveNode[]) => {
    list.sort(
      (a, b) =>
        LEVEL_ORDER[a.objective.level] - LEVEL_ORDER[b.objective.level] ||
        a.objective.title.localeCompare(b.objective.title),
    );
    for (const node of list) order(node.children);
  };
  order(roots);
  return roots;
}
