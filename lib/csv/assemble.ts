import type { CrmRef } from '../schemas/entities.ts';
import type { CellValues } from './cells.ts';
import { ATTRIBUTE_PREFIX, CRM_NAMES, CRM_PREFIX, type Field } from './fields.ts';
import type { MappedColumn } from './headers.ts';

type Item = Record<string, unknown>;

/**
 * An account row from a CRM export names its CRM record, not a Goal Lens id: the account that already
 * carries that record wins; otherwise the id is made from it, `<crm>-<record id>` (Salesforce ids in
 * their 18-char form), so importing the same export again finds the same accounts.
 */
export function accountIdFromRefs(
  values: CellValues,
  accountByCrmRef: ReadonlyMap<string, string>,
): string | null {
  const refs = CRM_NAMES.flatMap((crm) => {
    const id = values.get(CRM_PREFIX + crm);
    return typeof id === 'string' ? [{ crm, id }] : [];
  });
  for (const ref of refs) {
    const known = accountByCrmRef.get(crmRefKey(ref.crm, ref.id));
    if (known !== undefined) return known;
  }
  const first = refs[0];
  return first === undefined ? null : `${first.crm}-${first.id}`;
}

export const crmRefKey = (crm: string, id: string) => `${crm}:${id}`;

/**
 * Sets a value at a dotted path, copying the objects on the way. Clearing the last field of a nested
 * object removes the object too (an optional `quickLog` with no label and no delta is no quick log);
 * a required one comes back empty from `emptyContainers`.
 */
export function setPath(item: Item, path: readonly string[], value: unknown) {
  const [key, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) {
    if (value === undefined) delete item[key];
    else item[key] = value;
    return;
  }
  const current = item[key];
  const isObject = current !== null && typeof current === 'object' && !Array.isArray(current);
  if (value === undefined && !isObject) return;
  const next: Item = isObject ? { ...(current as Item) } : {};
  setPath(next, rest, value);
  if (Object.keys(next).length === 0) delete item[key];
  else item[key] = next;
}

interface Assembled {
  item: Item;
  /** The header a value at this item path came from (`crmRefs.0` → "Account ID"), to name it in problems. */
  columnOf(path: readonly PropertyKey[]): string;
}

/**
 * The item a row describes: what is stored for it (`base`, when the id exists) with each of the row's
 * columns laid over it. A column the file has sets its field, and an empty cell clears it; a field
 * the file has no column for keeps its stored value, so a CRM export updates what it carries only.
 */
export function assemble(
  base: Item | undefined,
  values: CellValues,
  columns: readonly MappedColumn[],
  fields: readonly Field[],
): Assembled {
  const item: Item = structuredClone(base ?? {});
  const headerOf = new Map(columns.map((column) => [column.target, column.header]));
  const sources = new Map<string, string>();
  const refs: CrmRef[] = Array.isArray(item.crmRefs) ? (item.crmRefs as CrmRef[]) : [];
  const attributes: Record<string, unknown> =
    item.attributes !== null && typeof item.attributes === 'object' ? (item.attributes as Item) : {};
  const byColumn = new Map(fields.map((field) => [field.column, field]));

  // CRM ids before their links, so a row may bring both.
  const targets = [...values.keys()].sort((a, b) => Number(a.endsWith('.url')) - Number(b.endsWith('.url')));
  for (const target of targets) {
    const value = values.get(target);
    const header = headerOf.get(target) ?? target;
    if (target.startsWith(ATTRIBUTE_PREFIX)) {
      const name = target.slice(ATTRIBUTE_PREFIX.length);
      if (value === undefined) delete attributes[name];
      else attributes[name] = value;
      sources.set(`attributes.${name}`, header);
      item.attributes = attributes;
    } else if (target.startsWith(CRM_PREFIX)) {
      const [crm, url] = target.slice(CRM_PREFIX.length).split('.');
      const index = refs.findIndex((ref) => ref.crm === crm);
      if (url) {
        const ref = refs[index];
        if (ref) {
          if (value === undefined) delete ref.url;
          else ref.url = value as string;
        }
      } else if (value === undefined) {
        if (index >= 0) refs.splice(index, 1);
      } else if (index >= 0) refs[index] = { ...(refs[index] as CrmRef), id: value as string };
      else refs.push({ crm: crm as CrmRef['crm'], id: value as string });
      item.crmRefs = refs;
    } else if (byColumn.has(target)) {
      setPath(item, byColumn.get(target)?.path ?? [target], value);
      sources.set(target, header);
    }
  }
  refs.forEach((ref, index) => {
    const header = headerOf.get(`${CRM_PREFIX}${ref.crm}`);
    if (header) sources.set(`crmRefs.${index}`, header);
    const urlHeader = headerOf.get(`${CRM_PREFIX}${ref.crm}.url`);
    if (urlHeader) sources.set(`crmRefs.${index}.url`, urlHeader);
  });

  return {
    item,
    columnOf(path) {
      const keys = path.map(String);
      for (let n = keys.length; n > 0; n--) {
        const found = sources.get(keys.slice(0, n).join('.'));
        if (found !== undefined) return found;
      }
      return keys.filter((key) => !/^\d+$/.test(key)).join('.') || '(row)';
    },
  };
}
