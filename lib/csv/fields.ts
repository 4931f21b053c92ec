import type { z } from 'zod';
import { CrmName } from '../schemas/entities.ts';

/**
 * A collection's CSV columns, read off its zod schema so the columns can never drift from the wire
 * format. Conventions for the fields a spreadsheet cannot hold as one cell:
 * - a nested object becomes one column per field, dotted (`scope.accountIds`, `quickLog.label`);
 * - a list of ids is one cell separated by `;` or `|` (`a1;a2`);
 * - `attributes` is one `attr.<name>` column per attribute;
 * - `crmRefs` is one `crm.<crm>` column per CRM holding the record id, and `crm.<crm>.url` for its link;
 * - anything deeper (tier criteria, benchmarks, metric history) is JSON in its cell.
 */
type FieldKind =
  | { kind: 'text' }
  | { kind: 'enum'; options: readonly string[] }
  | { kind: 'number' }
  | { kind: 'boolean' }
  /** A calendar date, or a full ISO timestamp kept as written. */
  | { kind: 'date' }
  | { kind: 'timestamp' }
  | { kind: 'list' }
  | { kind: 'json' }
  /** An attribute: a number, a boolean or text, whichever the cell reads as. */
  | { kind: 'scalar' };

export type Field = FieldKind & {
  /** Where the value goes in the item: `['scope', 'accountIds']`. */
  path: readonly string[];
  /** Its column name, as the export writes it and the import recognises it. */
  column: string;
  required: boolean;
};

export const ATTRIBUTE_PREFIX = 'attr.';
export const CRM_PREFIX = 'crm.';
export const CRM_NAMES: readonly string[] = CrmName.options;

interface Def {
  type: string;
  format?: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
  element?: z.ZodType;
  options?: z.ZodType[];
}
const def = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(schema: z.ZodType): { schema: z.ZodType; optional: boolean } {
  let optional = false;
  let current = schema;
  for (let d = def(current); ['optional', 'default', 'nullable'].includes(d.type); d = def(current)) {
    optional = true;
    current = d.innerType as z.ZodType;
  }
  return { schema: current, optional };
}

function scalarKind(schema: z.ZodType): FieldKind | null {
  const d = def(schema);
  if (d.type === 'string') return d.format === 'datetime' ? { kind: 'timestamp' } : { kind: 'text' };
  if (d.type === 'number') return { kind: 'number' };
  if (d.type === 'boolean') return { kind: 'boolean' };
  if (d.type === 'enum') return { kind: 'enum', options: Object.values(d.entries ?? {}) };
  if (d.type === 'union') {
    const formats = (d.options ?? []).map((option) => def(option).format);
    if (formats.every((format) => format === 'date' || format === 'datetime')) return { kind: 'date' };
    return { kind: 'scalar' };
  }
  return null;
}

function collect(shape: Record<string, z.ZodType>, prefix: string[], parentOptional: boolean, out: Field[]) {
  for (const [key, raw] of Object.entries(shape)) {
    const { schema, optional } = unwrap(raw);
    const path = [...prefix, key];
    const required = !optional && !parentOptional;
    const column = path.join('.');
    const d = def(schema);
    const scalar = scalarKind(schema);
    if (scalar) out.push({ ...scalar, path, column, required });
    else if (d.type === 'object' && d.shape) collect(d.shape, path, optional || parentOptional, out);
    else if (d.type === 'array' && d.element && def(unwrap(d.element).schema).type === 'string')
      out.push({ kind: 'list', path, column, required });
    else out.push({ kind: 'json', path, column, required });
  }
}

/** Every field of an item schema (a zod object), flattened to columns. */
export function fieldsOf(schema: z.ZodType): Field[] {
  const shape = def(schema).shape;
  if (!shape) throw new Error('a collection schema must be an object');
  const out: Field[] = [];
  collect(shape, [], false, out);
  return out;
}

/**
 * The required lists, records and objects of a schema with what a row that fills none of their columns
 * gets: `[]` or `{}` (an account with no CRM column has no CRM records; a key result with no scope
 * column, an empty scope). Whatever they then lack is the schema's to report.
 */
export function emptyContainers(
  schema: z.ZodType,
  prefix: readonly string[] = [],
): { path: string[]; empty: object }[] {
  const out: { path: string[]; empty: object }[] = [];
  for (const [key, raw] of Object.entries(def(schema).shape ?? {})) {
    const { schema: inner, optional } = unwrap(raw);
    if (optional) continue;
    const path = [...prefix, key];
    const type = def(inner).type;
    if (type === 'array') out.push({ path, empty: [] });
    else if (type === 'record') out.push({ path, empty: {} });
    else if (type === 'object') out.push({ path, empty: {} }, ...emptyContainers(inner, path));
  }
  return out;
}

/** Fields that take several columns, by their special convention: `attributes` and `crmRefs`. */
export const isAttributes = (field: Field) => field.column === 'attributes';
export const isCrmRefs = (field: Field) => field.column === 'crmRefs';
