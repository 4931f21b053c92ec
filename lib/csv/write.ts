import Papa from 'papaparse';
import { ATTRIBUTE_PREFIX, CRM_NAMES, CRM_PREFIX, type Field, isAttributes, isCrmRefs } from './fields.ts';

type Item = Record<string, unknown>;

/**
 * A text cell that a spreadsheet would run as a formula gets a leading apostrophe, which spreadsheets
 * hide and the import takes off again. A negative number is left alone.
 */
const FORMULA = /^(?:[=+@\t\r]|-(?![\d.]))/;

function valueAt(item: Item, path: readonly string[]): unknown {
  let node: unknown = item;
  for (const key of path) node = node !== null && typeof node === 'object' ? (node as Item)[key] : undefined;
  return node;
}

function cell(field: Field, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field.kind === 'list' && Array.isArray(value)) return value.join(';');
  if (field.kind === 'json') return JSON.stringify(value);
  const text = String(value);
  return typeof value === 'string' && FORMULA.test(text) ? `'${text}` : text;
}

interface Column {
  header: string;
  of(item: Item): string;
}

const textCell = (value: unknown) => cell({ kind: 'text', path: [], column: '', required: false }, value);

/** The columns for these items: each field's own column, one `attr.<name>` per attribute, one `crm.<crm>` per CRM. */
function columnsFor(fields: readonly Field[], items: readonly Item[]): Column[] {
  return fields.flatMap((field): Column[] => {
    if (isAttributes(field)) {
      const names = [
        ...new Set(items.flatMap((item) => Object.keys((item.attributes as Item | undefined) ?? {}))),
      ];
      return names.sort().map((name) => ({
        header: ATTRIBUTE_PREFIX + name,
        of: (item) => textCell((item.attributes as Item | undefined)?.[name]),
      }));
    }
    if (isCrmRefs(field)) {
      const refs = (item: Item) =>
        (item.crmRefs as { crm: string; id: string; url?: string }[] | undefined) ?? [];
      return CRM_NAMES.flatMap((crm) => {
        const used = items.filter((item) => refs(item).some((ref) => ref.crm === crm));
        if (used.length === 0) return [];
        const ref = (item: Item) => refs(item).find((r) => r.crm === crm);
        const id: Column = { header: CRM_PREFIX + crm, of: (item) => textCell(ref(item)?.id) };
        const withUrl = used.some((item) => ref(item)?.url !== undefined);
        return withUrl
          ? [id, { header: `${CRM_PREFIX}${crm}.url`, of: (item) => textCell(ref(item)?.url) }]
          : [id];
      });
    }
    return [{ header: field.column, of: (item) => cell(field, valueAt(item, field.path)) }];
  });
}

/** Items as CSV whose header row the import maps back to the same fields (the export is the template). */
export function toCsv(fields: readonly Field[], items: readonly Item[]): string {
  const columns = columnsFor(fields, items);
  return Papa.unparse(
    {
      fields: columns.map((column) => column.header),
      data: items.map((item) => columns.map((column) => column.of(item))),
    },
    { newline: '\r\n' },
  );
}
