import { HEADER_ALIASES } from './aliases.ts';
import { ATTRIBUTE_PREFIX, CRM_NAMES, CRM_PREFIX, type Field, isAttributes, isCrmRefs } from './fields.ts';
import type { CsvProblem } from './parse.ts';

/** A file's column with what it fills: a field's column, `attr.<name>`, `crm.<crm>` or `crm.<crm>.url`. */
export interface MappedColumn {
  index: number;
  header: string;
  target: string;
}

export interface HeaderMapping {
  columns: MappedColumn[];
  /** Headers that fill nothing: not an error, so a full CRM export can be sent as it is. */
  ignoredColumns: string[];
  problems: CsvProblem[];
}

/** A header CSV → field override: a target column name, or null to leave that column out. */
export type ColumnMap = Record<string, string | null>;

/** Case, spaces and punctuation do not count: "Account Name", "account_name" and "ACCOUNT-NAME" match. */
const normaliseHeader = (header: string) =>
  header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** The column a header names by the conventions alone (`attr.<name>`, `crm.<crm>[.url]`), if any. */
function conventionTarget(header: string, fields: readonly Field[]): string | null {
  const trimmed = header.trim();
  const lower = trimmed.toLowerCase();
  if (
    fields.some(isAttributes) &&
    lower.startsWith(ATTRIBUTE_PREFIX) &&
    trimmed.length > ATTRIBUTE_PREFIX.length
  )
    return ATTRIBUTE_PREFIX + trimmed.slice(ATTRIBUTE_PREFIX.length).trim();
  if (fields.some(isCrmRefs) && lower.startsWith(CRM_PREFIX)) {
    const [crm, url, ...rest] = lower.slice(CRM_PREFIX.length).split('.');
    if (crm && CRM_NAMES.includes(crm) && rest.length === 0 && (url === undefined || url === 'url'))
      return CRM_PREFIX + crm + (url ? '.url' : '');
  }
  return null;
}

/** Whether `target` is something a cell can fill in this collection. */
function knownTarget(target: string, fields: readonly Field[]): boolean {
  if (conventionTarget(target, fields) === target) return true;
  return fields.some((field) => !isAttributes(field) && !isCrmRefs(field) && field.column === target);
}

/**
 * Maps a file's headers to a collection's columns: by the `map` first, then a column's own name
 * (normalised), then the usual CRM export names. Of two headers filling the same column the better
 * match wins and the other is ignored.
 */
export function mapHeaders(
  headers: readonly string[],
  collection: string,
  fields: readonly Field[],
  map: ColumnMap = {},
): HeaderMapping {
  const problems: CsvProblem[] = [];
  const byName = new Map<string, { target: string; rank: number }>();
  const offer = (name: string, target: string, rank: number) => {
    const key = normaliseHeader(name);
    const known = byName.get(key);
    if (known === undefined || known.rank > rank) byName.set(key, { target, rank });
  };
  for (const field of fields)
    if (!isAttributes(field) && !isCrmRefs(field)) offer(field.column, field.column, 0);
  for (const [target, names] of Object.entries(HEADER_ALIASES[collection] ?? {})) {
    if (!knownTarget(target, fields)) continue;
    names.forEach((name, rank) => {
      offer(name, target, rank + 1);
    });
  }

  const mapped = new Map<string, string | null>();
  for (const [header, target] of Object.entries(map)) {
    const index = headers.findIndex((h) => h === header || normaliseHeader(h) === normaliseHeader(header));
    if (index < 0) {
      problems.push({
        line: 1,
        column: header,
        message: `the map names a column "${header}" that the file does not have`,
      });
    } else if (target !== null && target !== '' && !knownTarget(target, fields)) {
      problems.push({
        line: 1,
        column: header,
        message: `the map sends "${header}" to "${target}", which ${collection} do not have`,
      });
    } else mapped.set(headers[index] as string, target === '' ? null : target);
  }

  // Lower is better: the map, then the column's own name or a convention, then aliases in order.
  const candidates: { index: number; header: string; target: string; rank: number }[] = [];
  const ignoredColumns: string[] = [];
  headers.forEach((header, index) => {
    if (mapped.has(header)) {
      const target = mapped.get(header);
      if (target) candidates.push({ index, header, target, rank: -1 });
      else ignoredColumns.push(header);
      return;
    }
    const convention = conventionTarget(header, fields);
    const alias = byName.get(normaliseHeader(header));
    if (convention !== null) candidates.push({ index, header, target: convention, rank: 0 });
    else if (alias !== undefined) candidates.push({ index, header, target: alias.target, rank: alias.rank });
    else ignoredColumns.push(header);
  });
  const winner = new Map<string, (typeof candidates)[number]>();
  for (const candidate of candidates) {
    const best = winner.get(candidate.target);
    if (best === undefined || candidate.rank < best.rank) winner.set(candidate.target, candidate);
  }
  const columns: MappedColumn[] = [];
  for (const candidate of candidates) {
    if (winner.get(candidate.target) === candidate)
      columns.push({ index: candidate.index, header: candidate.header, target: candidate.target });
    else ignoredColumns.push(candidate.header);
  }
  ignoredColumns.sort((a, b) => headers.indexOf(a) - headers.indexOf(b));
  return { columns, ignoredColumns, problems };
}
