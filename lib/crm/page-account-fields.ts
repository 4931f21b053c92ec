import type { CrmName } from './types.ts';

/**
 * One way to find a value on a CRM's account page, tried in order until one finds something:
 * `text`: the first shown element matching `selector`, by its text (or its value, for a form control);
 * `href`: the same element's link target; `field`: the field labelled `label` in the CRM's field
 * layout (`FIELD_LAYOUTS`). Stable attributes come first, the labelled field last, because labels are
 * what a CRM admin can rename.
 */
export type Probe =
  | { kind: 'text'; selector: string }
  | { kind: 'href'; selector: string }
  | { kind: 'field'; label: string };

/** What the fallback match reads from an account page. */
export type AccountField = 'name' | 'website';
export const ACCOUNT_FIELDS: readonly AccountField[] = ['name', 'website'];

/** How the page names an account and links its website, per CRM. Kept as data: a CRM redesign is a data fix. */
export const ACCOUNT_PROBES: Record<CrmName, Record<AccountField, readonly Probe[]>> = {
  salesforce: {
    // Lightning's highlights panel renders the record name as the primary field of its <h1>.
    name: [
      { kind: 'text', selector: 'records-highlights2 h1 lightning-formatted-text' },
      { kind: 'text', selector: 'h1.slds-page-header__title' },
      { kind: 'field', label: 'Account Name' },
    ],
    website: [
      {
        kind: 'href',
        selector: 'records-record-layout-item[field-label="Website"] lightning-formatted-url a',
      },
      { kind: 'field', label: 'Website' },
    ],
  },
  hubspot: {
    name: [{ kind: 'text', selector: '[data-selenium-test="highlightTitle"]' }],
    website: [
      { kind: 'text', selector: '[data-selenium-test="property-input-domain"]' },
      { kind: 'field', label: 'Company domain name' },
    ],
  },
  dynamics: {
    // Unified Interface: the form header's title, then the Account Name control itself.
    name: [
      { kind: 'text', selector: 'h1[data-id="header_title"]' },
      { kind: 'text', selector: 'input[data-id="name.fieldControl-text-box-text"]' },
    ],
    website: [
      { kind: 'text', selector: 'input[data-id="websiteurl.fieldControl-url-text-input"]' },
      { kind: 'field', label: 'Website' },
    ],
  },
  pipedrive: {
    name: [{ kind: 'text', selector: '[data-testid="header-title"]' }],
    website: [{ kind: 'field', label: 'Website' }],
  },
  zoho: {
    name: [
      { kind: 'text', selector: '#subvalue_ACCOUNTNAME' },
      { kind: 'field', label: 'Account Name' },
    ],
    website: [
      { kind: 'href', selector: '#subvalue_WEBSITE a' },
      { kind: 'field', label: 'Website' },
    ],
  },
  attio: {
    name: [{ kind: 'text', selector: '[data-testid="record-header-name"]' }],
    website: [{ kind: 'field', label: 'Domains' }],
  },
  close: {
    name: [{ kind: 'text', selector: '[data-testid="lead-name"]' }],
    website: [
      { kind: 'href', selector: '[data-testid="lead-url"] a' },
      { kind: 'field', label: 'URL' },
    ],
  },
  copper: {
    name: [{ kind: 'text', selector: '[data-testid="entity-title"]' }],
    website: [{ kind: 'field', label: 'Website' }],
  },
  freshsales: {
    name: [{ kind: 'text', selector: '[data-test-id="entity-name"]' }],
    website: [{ kind: 'field', label: 'Website' }],
  },
};

/** How a probe is named in diagnostics: its selector, or the field label it looks for. */
export function describeProbe(probe: Probe): string {
  if (probe.kind === 'field') return `field "${probe.label}"`;
  return probe.kind === 'href' ? `${probe.selector} (link)` : probe.selector;
}
