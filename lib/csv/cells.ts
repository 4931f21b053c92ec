import { normaliseDomain } from '../crm/account-identity.ts';
import { toSalesforceId18 } from '../crm/salesforce-id.ts';
import type { AttributeValue } from '../schemas/entities.ts';
import { ATTRIBUTE_PREFIX, CRM_PREFIX, type Field } from './fields.ts';
import type { MappedColumn } from './headers.ts';
import type { CsvProblem, CsvRecord } from './parse.ts';
import {
  type Locale,
  parseBoolean,
  parseDate,
  parseNumber,
  parseTimestamp,
  splitList,
  unescapeFormula,
} from './values.ts';

/** What cells refer to by a name people know: users by email (or name, or id), tiers by name (or id). */
export interface Directory {
  users: readonly { id: string; email: string; name: string }[];
  tiers: readonly { id: string; name: string }[];
}

/** A cell's value for its target; `undefined` for an empty cell, which clears the field. */
export type CellValues = Map<string, unknown>;

const ISO_DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const shown = (text: string) => JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);

function findUser(directory: Directory, text: string): string | { problem: string } {
  const lower = text.toLowerCase();
  const byEmail = directory.users.find((user) => user.email.toLowerCase() === lower);
  if (byEmail) return byEmail.id;
  const byId = directory.users.find((user) => user.id === text);
  if (byId) return byId.id;
  const byName = directory.users.filter((user) => user.name.toLowerCase() === lower);
  if (byName.length === 1) return (byName[0] as { id: string }).id;
  if (byName.length > 1)
    return { problem: `${shown(text)} is the name of ${byName.length} users; give an email instead` };
  return { problem: `no user has the email ${shown(text)}` };
}

function findTier(directory: Directory, text: string): string | { problem: string } {
  const exact = directory.tiers.find((tier) => tier.id === text);
  if (exact) return exact.id;
  const named = directory.tiers.find((tier) => tier.name.toLowerCase() === text.toLowerCase());
  if (named) return named.id;
  const known = directory.tiers.map((tier) => tier.name).join(', ');
  return { problem: `no tier is named ${shown(text)} (tiers: ${known || 'none yet'})` };
}

/** Attributes that tier rules compare as numbers: text there would silently fail every rule. */
const NUMERIC_ATTRIBUTES = new Set(['arr', 'seats', 'annualRevenue', 'employees']);

/** An attribute is a number when it reads as one (but not "02134", a code), a boolean for true/false, else text. */
function attribute(text: string, locale: Locale): AttributeValue {
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === 'false') return lower === 'true';
  if (/^0\d/.test(text)) return text;
  return parseNumber(text, locale) ?? text;
}

type Converted = { value: unknown } | { problem: string };

function convert(field: Field, text: string, locale: Locale): Converted {
  const bad = (what: string): Converted => ({ problem: `${shown(text)} is not ${what}` });
  switch (field.kind) {
    case 'number': {
      const value = parseNumber(text, locale);
      return value === null ? bad('a number') : { value };
    }
    case 'boolean': {
      const value = parseBoolean(text);
      return value === null ? bad('true or false (or yes/no, 1/0)') : { value };
    }
    case 'date': {
      if (ISO_DATE_OR_TIME.test(text)) return { value: text };
      const value = parseDate(text, locale);
      return value === null ? bad('a date (such as 2026-03-31)') : { value };
    }
    case 'timestamp': {
      if (ISO_DATE_OR_TIME.test(text) && text.includes('T')) return { value: text };
      const value = parseTimestamp(text, locale);
      return value === null ? bad('a date and time (such as 2026-03-31T09:00:00Z)') : { value };
    }
    case 'enum': {
      const value = field.options.find((option) => option.toLowerCase() === text.toLowerCase());
      return value === undefined ? bad(`one of ${field.options.join(', ')}`) : { value };
    }
    case 'list':
      return { value: splitList(text) };
    case 'json':
      try {
        return { value: JSON.parse(text) };
      } catch {
        return bad('JSON');
      }
    case 'scalar':
      return { value: attribute(text, locale) };
    default:
      return { value: text };
  }
}

/** One cell, by its target: the conventions first, then the field; references resolved. */
function readCell(
  target: string,
  text: string,
  fields: ReadonlyMap<string, Field>,
  locale: Locale,
  directory: Directory,
  collection: string,
): Converted {
  if (target.startsWith(ATTRIBUTE_PREFIX)) {
    if (!NUMERIC_ATTRIBUTES.has(target.slice(ATTRIBUTE_PREFIX.length)))
      return { value: attribute(text, locale) };
    const value = parseNumber(text, locale);
    return value === null ? { problem: `${shown(text)} is not a number` } : { value };
  }
  if (target.startsWith(CRM_PREFIX)) {
    if (target === `${CRM_PREFIX}salesforce`) {
      const id = toSalesforceId18(text);
      return id === null
        ? { problem: `${shown(text)} is not a Salesforce record id (15 or 18 letters and digits)` }
        : { value: id };
    }
    return { value: text };
  }
  if (target === 'ownerId') {
    const found = findUser(directory, text);
    return typeof found === 'string' ? { value: found } : found;
  }
  if (collection === 'accounts' && target === 'tierId') {
    const found = findTier(directory, text);
    return typeof found === 'string' ? { value: found } : found;
  }
  if (collection === 'accounts' && target === 'domain') {
    const domain = normaliseDomain(text);
    return domain === null ? { problem: `${shown(text)} is not a website or domain` } : { value: domain };
  }
  const field = fields.get(target);
  return field ? convert(field, text, locale) : { value: text };
}

const indexes = new WeakMap<readonly Field[], Map<string, Field>>();
/** Fields by column, built once per field list rather than once per record. */
function columnIndex(fields: readonly Field[]): Map<string, Field> {
  let index = indexes.get(fields);
  if (index === undefined) {
    index = new Map(fields.map((field) => [field.column, field]));
    indexes.set(fields, index);
  }
  return index;
}

/** A record's cells as values by target, with a problem (line, column, value) for each cell that reads as nothing. */
export function readCells(
  record: CsvRecord,
  columns: readonly MappedColumn[],
  fields: readonly Field[],
  locale: Locale,
  directory: Directory,
  collection: string,
): { values: CellValues; problems: CsvProblem[] } {
  const byColumn = columnIndex(fields);
  const values: CellValues = new Map();
  const problems: CsvProblem[] = [];
  for (const column of columns) {
    const text = unescapeFormula((record.cells[column.index] ?? '').trim());
    if (text === '') {
      values.set(column.target, undefined);
      continue;
    }
    const read = readCell(column.target, text, byColumn, locale, directory, collection);
    if ('problem' in read) problems.push({ line: record.line, column: column.header, message: read.problem });
    else values.set(column.target, read.value);
  }
  return { values, problems };
}
