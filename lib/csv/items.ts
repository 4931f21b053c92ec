import type { z } from 'zod';
import { metricId, type Tier } from '../schemas/entities.ts';
import { compareTiers, firstMatchingTier } from '../tiers/expected-tier.ts';
import { accountIdFromRefs, assemble, setPath } from './assemble.ts';
import { type CellValues, type Directory, readCells } from './cells.ts';
import { emptyContainers, type Field } from './fields.ts';
import type { HeaderMapping } from './headers.ts';
import type { CsvProblem, ParsedCsv } from './parse.ts';
import { localeOf } from './values.ts';

/** A record read into values, with the id of the item it describes. */
interface CsvRow {
  line: number;
  id: string;
  values: CellValues;
}

/** The fields a collection's id is made of, as `ADMIN_COLLECTIONS[collection].idOf` reads them. */
const ID_FIELDS: Record<string, readonly string[]> = {
  metrics: ['accountId', 'key'],
  metricDefinitions: ['key'],
};

/**
 * A key result's `current` is a measurement only when the file says so: carried over from what is
 * stored it would restart the measurement at every import (SPEC section 9, "A key result's value").
 */
const NOT_CARRIED: Record<string, readonly string[]> = { keyResults: ['current', 'asOf'] };

function rowId(
  collection: string,
  values: CellValues,
  accountByCrmRef: ReadonlyMap<string, string>,
): string | null {
  const given = values.get('id');
  if (typeof given === 'string') return given;
  if (collection === 'accounts') return accountIdFromRefs(values, accountByCrmRef);
  const parts = (ID_FIELDS[collection] ?? ['id']).map((key) => values.get(key));
  if (!parts.every((part) => typeof part === 'string')) return null;
  const [first, second] = parts as string[];
  return collection === 'metrics'
    ? metricId({ accountId: first as string, key: second as string })
    : (first as string);
}

/** Each record's values and id; a record without an id, or with one an earlier line already has, is a problem. */
export function readRows(
  parsed: ParsedCsv,
  mapping: HeaderMapping,
  collection: string,
  fields: readonly Field[],
  directory: Directory,
  accountByCrmRef: ReadonlyMap<string, string>,
): { rows: CsvRow[]; problems: CsvProblem[] } {
  const locale = localeOf(parsed.delimiter);
  const problems: CsvProblem[] = [];
  const rows: CsvRow[] = [];
  const lineOf = new Map<string, number>();
  const idColumns = ID_FIELDS[collection] ?? ['id'];
  const idHeader =
    mapping.columns.find((column) => idColumns.includes(column.target) || column.target.startsWith('crm.'))
      ?.header ?? idColumns.join(', ');
  for (const record of parsed.records) {
    const read = readCells(record, mapping.columns, fields, locale, directory, collection);
    problems.push(...read.problems);
    const id = rowId(collection, read.values, accountByCrmRef);
    if (id === null) {
      if (read.problems.length > 0) continue; // the unreadable id cell is already named
      const hint =
        collection === 'accounts' ? " or a CRM record id (Salesforce's Account ID, HubSpot's Record ID)" : '';
      problems.push({
        line: record.line,
        column: idHeader,
        message: `this row has no ${idColumns.join(' and ')}${hint}`,
      });
      continue;
    }
    const earlier = lineOf.get(id);
    if (earlier !== undefined) {
      problems.push({
        line: record.line,
        column: idHeader,
        message: `"${id}" is on line ${earlier} and on line ${record.line}`,
      });
      continue;
    }
    lineOf.set(id, record.line);
    rows.push({ line: record.line, id, values: read.values });
  }
  return { rows, problems };
}

export interface BuiltItem {
  line: number;
  item: Record<string, unknown>;
  columnOf(path: readonly PropertyKey[]): string;
}

function valueAt(item: unknown, path: readonly PropertyKey[]): unknown {
  let node = item;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** What is stored, minus what the server sets and what a write must not repeat, as a row's starting point. */
function baseOf(collection: string, fields: readonly Field[], stored: Record<string, unknown> | undefined) {
  if (stored === undefined) return undefined;
  const keep = new Set(fields.map((field) => field.path[0]));
  for (const key of NOT_CARRIED[collection] ?? []) keep.delete(key);
  return Object.fromEntries(Object.entries(stored).filter(([key]) => keep.has(key)));
}

/**
 * The items the rows describe, checked with the collection's own schema; each problem names the line
 * and the column its value came from. A new account without a tier gets the highest-ranked tier whose
 * criteria it meets; an existing one keeps its tier.
 */
export function buildItems(
  rows: readonly CsvRow[],
  mapping: HeaderMapping,
  collection: string,
  schema: z.ZodType,
  fields: readonly Field[],
  stored: ReadonlyMap<string, Record<string, unknown>>,
  tiers: readonly Tier[],
  explain: (issue: z.core.$ZodIssue) => string,
): { items: BuiltItem[]; problems: CsvProblem[] } {
  const ranked = [...tiers].sort(compareTiers);
  const containers = emptyContainers(schema);
  const items: BuiltItem[] = [];
  const problems: CsvProblem[] = [];
  for (const row of rows) {
    const { item, columnOf } = assemble(
      baseOf(collection, fields, stored.get(row.id)),
      row.values,
      mapping.columns,
      fields,
    );
    for (const { path, empty } of containers) {
      if (valueAt(item, path) === undefined) setPath(item, path, structuredClone(empty));
    }
    if (collection === 'accounts') {
      item.id = row.id;
      if (item.tierId === undefined) {
        const attributes = item.attributes as Record<string, string | number | boolean>;
        const tier = firstMatchingTier(ranked, { attributes });
        if (tier) item.tierId = tier.id;
        else {
          problems.push({
            line: row.line,
            column: columnOf(['tierId']),
            message:
              'no tier given, and no tier’s criteria match this account: add a tier column or a matching tier',
          });
          continue;
        }
      }
    }
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      items.push({ line: row.line, item: parsed.data as Record<string, unknown>, columnOf });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const value = valueAt(item, issue.path);
      const got = ['string', 'number', 'boolean'].includes(typeof value)
        ? ` (got ${JSON.stringify(value)})`
        : '';
      problems.push({ line: row.line, column: columnOf(issue.path), message: explain(issue) + got });
    }
  }
  return { items, problems };
}
