import {
  ATTRIBUTE_PREFIX,
  CRM_NAMES,
  CRM_PREFIX,
  fieldsOf,
  isAttributes,
  isCrmRefs,
} from '@/lib/csv/fields.ts';
import { type ColumnMap, mapHeaders } from '@/lib/csv/headers.ts';
import { ADMIN_COLLECTIONS, type AdminCollection } from '@/lib/schemas/index.ts';

/** One column of the file and what it fills; null leaves it out. */
export interface ColumnChoice {
  header: string;
  target: string | null;
}

const fieldsFor = (collection: AdminCollection) => fieldsOf(ADMIN_COLLECTIONS[collection].schema);

/** What the server would do with these headers unasked: the same mapping function, so the page never disagrees. */
export function autoMapping(headers: readonly string[], collection: AdminCollection): ColumnChoice[] {
  const { columns } = mapHeaders(headers, collection, fieldsFor(collection));
  const byIndex = new Map(columns.map((column) => [column.index, column.target]));
  return headers.map((header, index) => ({ header, target: byIndex.get(index) ?? null }));
}

/** Every target a column may be sent to: each field's column, an attribute named for it, each CRM's id and link. */
export function targetOptions(collection: AdminCollection, header: string): string[] {
  const fields = fieldsFor(collection);
  const options = fields.filter((f) => !isAttributes(f) && !isCrmRefs(f)).map((f) => f.column);
  if (fields.some(isAttributes)) {
    const name = header.trim().replace(/^attr\./i, '');
    if (name !== '') options.push(ATTRIBUTE_PREFIX + name);
  }
  if (fields.some(isCrmRefs))
    for (const crm of CRM_NAMES) options.push(`${CRM_PREFIX}${crm}`, `${CRM_PREFIX}${crm}.url`);
  return options;
}

/** Changes one column's target, keeping the others. */
export function chooseTarget(
  choices: readonly ColumnChoice[],
  header: string,
  target: string | null,
): ColumnChoice[] {
  return choices.map((choice) => (choice.header === header ? { header, target } : choice));
}

/** Per column, what is wrong with the mapping: a target another column also fills. */
export function mappingProblems(choices: readonly ColumnChoice[]): Map<string, string> {
  const problems = new Map<string, string>();
  const first = new Map<string, string>();
  for (const { header, target } of choices) {
    if (target === null) continue;
    const earlier = first.get(target);
    if (earlier === undefined) first.set(target, header);
    else problems.set(header, `"${earlier}" already fills ${target}; choose another field or leave one out`);
  }
  return problems;
}

/** The `map` sent with the import: every column said explicitly, so the server does what the page shows. */
export function columnMap(choices: readonly ColumnChoice[]): ColumnMap {
  return Object.fromEntries(choices.map(({ header, target }) => [header, target]));
}
