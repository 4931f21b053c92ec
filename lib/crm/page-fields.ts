import type { CrmName } from './types.ts';

/**
 * How a CRM's record page lays out its fields, as data so a CRM is one more entry, not more code.
 * `pair`: each `item` holds a `label` element and a `value` element (Salesforce's SLDS form elements).
 * `term`: each `label` element is followed by its value as the next sibling (HubSpot's <dt>/<dd> list).
 * A value element that is a form control (Dynamics shows fields as inputs) is read by its value.
 */
export type FieldLayout =
  | { kind: 'pair'; item: string; label: string; value: string }
  | { kind: 'term'; label: string };

export const FIELD_LAYOUTS: Record<CrmName, readonly FieldLayout[]> = {
  salesforce: [
    {
      kind: 'pair',
      item: '.slds-form-element',
      label: '.slds-form-element__label',
      value: '.slds-form-element__static',
    },
  ],
  hubspot: [{ kind: 'term', label: 'dl > dt' }],
  // Unified Interface: one container per field, its <label> and the control (input or read-only text).
  dynamics: [
    {
      kind: 'pair',
      item: '[data-id$="-FieldSectionItemContainer"]',
      label: 'label',
      value: 'input, textarea, [data-id$=".fieldControl-read-only"]',
    },
  ],
  pipedrive: [
    {
      kind: 'pair',
      item: '[data-testid="field"]',
      label: '[data-testid="field-label"]',
      value: '[data-testid="field-value"]',
    },
  ],
  zoho: [{ kind: 'pair', item: '.dv-field', label: '.dv-field__label', value: '.dv-field__value' }],
  attio: [
    {
      kind: 'pair',
      item: '[data-testid="attribute-row"]',
      label: '[data-testid="attribute-label"]',
      value: '[data-testid="attribute-value"]',
    },
  ],
  close: [{ kind: 'term', label: '.lead-info dt' }],
  copper: [{ kind: 'pair', item: '.field-row', label: '.field-row__label', value: '.field-row__value' }],
  freshsales: [
    { kind: 'pair', item: '.field-item', label: '.field-item__label', value: '.field-item__value' },
  ],
};

/** The label of the CRM field that holds the account's tier, unless the options say otherwise. */
export const DEFAULT_CRM_TIER_LABEL = 'Customer Tier';

/** Longer than any tier name: such a value is some other text, not a tier. */
export const MAX_FIELD_VALUE_LENGTH = 200;

// What CRMs print in an empty field.
const EMPTY_VALUES = new Set(['', '-', '--', '—', '–', 'n/a', 'none']);

/** Labels compare as people read them: case, spacing, a trailing colon or a required star do not count. */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\s*:]+$/u, '')
    .replace(/^\s*\*/u, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

/** The value as shown, or null when the field is empty or too long to name a tier. */
export function cleanFieldValue(text: string): string | null {
  const value = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (EMPTY_VALUES.has(value.toLowerCase()) || value.length > MAX_FIELD_VALUE_LENGTH) return null;
  return value;
}

/** The value of the first field labelled `wanted`, from label/value text pairs in page order. */
export function pickField(pairs: Iterable<readonly [string, string]>, wanted: string): string | null {
  const target = normaliseLabel(wanted);
  if (!target) return null;
  for (const [label, value] of pairs) {
    if (normaliseLabel(label) === target) return cleanFieldValue(value);
  }
  return null;
}
