import type { Objective } from '../schemas/entities.ts';

/**
 * Whether an objective is archived: finished, kept for the record, out of the panel. One rule for the
 * panel and the workspace, so what the workspace lists as archived is exactly what panels leave out.
 */
export function isArchived(objective: Pick<Objective, 'archivedAt'>): boolean {
  return objective.archivedAt !== undefined;
}
