import { FIELD_LAYOUTS, type FieldLayout, type FieldPair, pickField } from './page-fields.ts';
import { recordScopes, showsThisRecord } from './page-records.ts';
import { composedText, queryScopes, queryWithin, type Scopes, shownValue } from './page-tree.ts';
import type { CrmName } from './types.ts';

function labelOf(item: Element, layout: FieldLayout): string {
  if ('attribute' in layout.label) return item.getAttribute(layout.label.attribute) ?? '';
  const label = queryWithin(item, layout.label.selector);
  return label ? composedText(label) : '';
}

function fieldValue(item: Element, layout: FieldLayout): string {
  for (const selector of layout.value) {
    const value = queryWithin(item, selector);
    if (value) return shownValue(value);
  }
  return '';
}

/** The label/value pairs of the fields the page shows for its own record, in the layouts' order. */
function* fieldPairs(scopes: Scopes, crm: CrmName): Generator<FieldPair> {
  for (const layout of FIELD_LAYOUTS[crm]) {
    for (const item of queryScopes(scopes, layout.item)) {
      if (showsThisRecord(item)) yield [labelOf(item, layout), () => fieldValue(item, layout)];
    }
  }
}

/** The value of the field labelled `label` among the page's fields, searched through `scopes`. */
export function readFieldIn(scopes: Scopes, crm: CrmName, label: string): string | null {
  return pickField(fieldPairs(scopes, crm), label);
}

/**
 * The value the CRM page shows for the field labelled `label`, or null when it shows none: a choice
 * field's shown option, from the record the user sees (not a hidden copy of another one). Runs inside
 * the CRM's page, so it never throws: an unexpected DOM just means "not found".
 */
export function readPageField(root: ParentNode, crm: CrmName, label: string): string | null {
  try {
    return FIELD_LAYOUTS[crm].length === 0 ? null : readFieldIn(recordScopes(root), crm, label);
  } catch {
    return null;
  }
}
