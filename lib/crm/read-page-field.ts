import { FIELD_LAYOUTS, type FieldLayout, pickField } from './page-fields.ts';
import type { CrmName } from './types.ts';

// CRMs keep other records' pages in the DOM, hidden; only what the user sees is this record's.
export function shown(element: Element): boolean {
  return typeof element.checkVisibility === 'function' ? element.checkVisibility() : true;
}

/** What the user sees in the element: a form control's value, or the element's text. */
export function shownText(element: Element): string {
  const control = element as Partial<HTMLInputElement>;
  if (
    (element.localName === 'input' || element.localName === 'textarea') &&
    typeof control.value === 'string'
  ) {
    return control.value;
  }
  return element.textContent ?? '';
}

export function* fieldPairs(root: ParentNode, layouts: readonly FieldLayout[]): Generator<[string, string]> {
  for (const layout of layouts) {
    if (layout.kind === 'pair') {
      for (const item of root.querySelectorAll(layout.item)) {
        const label = item.querySelector(layout.label);
        const value = item.querySelector(layout.value);
        if (label && value && shown(item)) yield [label.textContent ?? '', shownText(value)];
      }
    } else {
      for (const label of root.querySelectorAll(layout.label)) {
        const value = label.nextElementSibling;
        if (value && shown(label)) yield [label.textContent ?? '', shownText(value)];
      }
    }
  }
}

/**
 * The value the CRM page shows for the field labelled `label`, or null when it shows none. Runs
 * inside the CRM's page, so it never throws: an unexpected DOM just means "not found".
 */
export function readPageField(root: ParentNode, crm: CrmName, label: string): string | null {
  try {
    return pickField(fieldPairs(root, FIELD_LAYOUTS[crm]), label);
  } catch {
    return null;
  }
}
