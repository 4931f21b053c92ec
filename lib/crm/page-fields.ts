import type { CrmName } from './types.ts';

/**
 * How a CRM's record page lays out its labelled fields, as data so a CRM is one more entry, not more
 * code: each `item` is one field; its label is an attribute of the item (clean, so preferred) or the
 * text of an element inside it; its value is the first element matching one of `value`, in order.
 * Items, labels and values are found through open shadow roots. Each layout names its source; a CRM
 * whose record-page markup no public source shows has none, and its fields are not read.
 */
export interface FieldLayout {
  item: string;
  label: { attribute: string } | { selector: string };
  value: readonly string[];
}

export const FIELD_LAYOUTS: Record<CrmName, readonly FieldLayout[]> = {
  salesforce: [
    // Salesforce's own page objects (npm salesforce-pageobjects 9.0.0): records-record-layout-item
    // carries the field's label in its `field-label` attribute and slots the formatted value as
    // `[slot='outputField']` (dist/records/recordLayoutItem.utam.json).
    {
      item: 'records-record-layout-item[field-label]',
      label: { attribute: 'field-label' },
      value: ['[slot="outputField"]'],
    },
  ],
  // HubSpot's record sidebar hooks (`data-selenium-test="property-input-<name>"` values in
  // `[data-deferred-property-input-root]` rows) appear in public code only where no repository and
  // path can be cited for them: with no attributable source, its fields are not read.
  hubspot: [],
  dynamics: [
    // Microsoft's UI test framework EasyRepro (github.com/microsoft/EasyRepro,
    // Microsoft.Dynamics365.UIAutomation.Api.UCI/DTO/AppElementReference.cs): a field lives in
    // `[data-id='<name>-FieldSectionItemContainer']` with a <label id='<name>-field-label'>; a choice
    // (option set) is a <select> whose selected option is the value (WebClient.cs, TryGetValue), a status
    // reason a combo box whose `..._text-value` span shows it; text fields are inputs.
    {
      item: '[data-id$="-FieldSectionItemContainer"]',
      label: { selector: 'label' },
      value: [
        'select',
        '[id*="fieldControl-pickliststatus-comboBox_text-value"]',
        'input',
        'textarea',
        '[role="combobox"]',
      ],
    },
  ],
  // Pipedrive's sidebar test ids (`fields-list-row`, `field-name`) likewise have no citable public
  // source: its fields are not read.
  pipedrive: [],
  // No citable public source shows these record pages' markup (some classes are build hashes).
  zoho: [],
  attio: [],
  close: [],
  copper: [],
  freshsales: [],
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

/** A field's label and its value, the value read only when asked (most fields are not the one wanted). */
export type FieldPair = readonly [label: string, value: string | (() => string)];

/** The value of the first field labelled `wanted`, from label/value pairs in page order. */
export function pickField(pairs: Iterable<FieldPair>, wanted: string): string | null {
  const target = normaliseLabel(wanted);
  if (!target) return null;
  for (const [label, value] of pairs) {
    if (normaliseLabel(label) === target)
      return cleanFieldValue(typeof value === 'function' ? value() : value);
  }
  return null;
}
