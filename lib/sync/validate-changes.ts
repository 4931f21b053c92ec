import type { RawChange } from '../schemas/api.ts';
import { ENTITY_SCHEMAS, type EntityOf, type EntityType, metricId } from '../schemas/entities.ts';

/** One backend record we refused, named so a person can find and fix it at the source. */
export interface RecordProblem {
  type: string;
  id: string;
  field: string;
  message: string;
}

export type ValidChange = {
  [T in EntityType]:
    | { type: T; op: 'put'; id: string; data: EntityOf<T> }
    | { type: T; op: 'delete'; id: string };
}[EntityType];

function entityId(type: EntityType, data: EntityOf<EntityType>): string {
  if (type === 'metric') return metricId(data as EntityOf<'metric'>);
  if (type === 'metricDefinition') return (data as EntityOf<'metricDefinition'>).key;
  return (data as { id: string }).id;
}

export function validateChanges(changes: RawChange[]): { valid: ValidChange[]; problems: RecordProblem[] } {
  const valid: ValidChange[] = [];
  const problems: RecordProblem[] = [];
  for (const change of changes) {
    if (change.op === 'delete') {
      valid.push({ type: change.type, op: 'delete', id: change.id } as ValidChange);
      continue;
    }
    const parsed = ENTITY_SCHEMAS[change.type].safeParse(change.data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 5)) {
        problems.push({
          type: change.type,
          id: change.id,
          field: issue.path.join('.') || '(record)',
          message: issue.message,
        });
      }
      continue;
    }
    const id = entityId(change.type, parsed.data);
    if (id !== change.id) {
      problems.push({
        type: change.type,
        id: change.id,
        field: 'id',
        message: `the record's own id is "${id}"`,
      });
      continue;
    }
    valid.push({ type: change.type, op: 'put', id, data: parsed.data } as ValidChange);
  }
  return { valid, problems };
}
