import type { CrmName } from './types.ts';

/**
 * One way to find a value on a CRM's account page, tried in order until one finds something:
 * `text`: the first element of the page's own record matching `selector` (through open shadow roots),
 * by a clean `attribute` when it has one, else by what it shows (a control's value, a choice's shown
 * option, the rendered text) without a trailing `suffix` the page adds; `href`: the same element's
 * link target (or the link rendered inside it); `field`: the field labelled `label` in the CRM's field
 * layout (`FIELD_LAYOUTS`). Stable hooks come first, the labelled field last, because labels are what a
 * CRM admin can rename.
 */
export type Probe =
  | { kind: 'text'; selector: string; attribute?: string; suffix?: RegExp }
  | { kind: 'href'; selector: string }
  | { kind: 'field'; label: string };

/** What the fallback match reads from an account page. */
export type AccountField = 'name' | 'website';
export const ACCOUNT_FIELDS: readonly AccountField[] = ['name', 'website'];

// Dynamics appends the form's save state to the header title's text ("Contoso - Saved"); public test
// suites strip it (`opportunityNumber.replace('- Saved', '')`, exact-string search for `header_title`).
const DYNAMICS_SAVE_STATUS = /\s*[-\u2013\u2014]\s*(?:saved|unsaved|saving|unsaved changes)\W*$/iu;

/**
 * How the page names an account and links its website, per CRM, each probe with its public source.
 * Kept as data: a CRM redesign is a data fix. A CRM whose record-page markup no citable public source
 * (a repository and path, or a vendor page) shows has no probes: HubSpot, Pipedrive, Zoho, Attio,
 * Close, Copper and Freshsales. There the panel relies on the URL and the account's CRM references.
 */
export const ACCOUNT_PROBES: Record<CrmName, Record<AccountField, readonly Probe[]>> = {
  salesforce: {
    name: [
      // records-highlights2 slots the record's primary field as `[slot='primaryField']` (Salesforce's
      // page objects, npm salesforce-pageobjects 9.0.0, dist/records/highlights2.utam.json); Person
      // Accounts render it with lightning-formatted-name (dist/lightning/formattedName.utam.json; test
      // suites use `lightning-formatted-name[slot="primaryField"]`).
      {
        kind: 'text',
        selector:
          'lightning-formatted-name[slot="primaryField"], lightning-formatted-text[slot="primaryField"]',
      },
      // The page header's title class sits on that slot inside the <h1> (SLDS page header,
      // @salesforce-ux/design-system; `slot[name='primaryField']` in the same suites).
      { kind: 'text', selector: 'h1 .slds-page-header__title' },
      { kind: 'field', label: 'Account Name' },
    ],
    website: [
      // recordLayoutItem.utam.json reads the label from `field-label`; lightning-formatted-url renders
      // its <a> in its shadow root and reads the URL from its href (formattedUrl.utam.json).
      { kind: 'href', selector: 'records-record-layout-item[field-label="Website"] lightning-formatted-url' },
      { kind: 'field', label: 'Website' },
    ],
  },
  hubspot: { name: [], website: [] },
  dynamics: {
    name: [
      // EasyRepro reads the form header's title from `[data-id='header_title']` by its `title` attribute
      // (github.com/microsoft/EasyRepro, Api.UCI/WebClient.cs GetHeaderTitle); its text ends in the save state.
      {
        kind: 'text',
        selector: '[data-id="header_title"]',
        attribute: 'title',
        suffix: DYNAMICS_SAVE_STATUS,
      },
      // Text fields are `input[data-id='<name>.fieldControl-…']` (EasyRepro AppElementReference.cs,
      // Entity_TextFieldValue); the account's name column is `name`.
      { kind: 'text', selector: 'input[data-id^="name.fieldControl"]' },
    ],
    website: [
      { kind: 'text', selector: 'input[data-id^="websiteurl.fieldControl"]' },
      { kind: 'field', label: 'Website' },
    ],
  },
  pipedrive: { name: [], website: [] },
  zoho: { name: [], website: [] },
  attio: { name: [], website: [] },
  close: { name: [], website: [] },
  copper: { name: [], website: [] },
  freshsales: { name: [], website: [] },
};

/** How a probe is named in diagnostics: its selector, or the field label it looks for. */
export function describeProbe(probe: Probe): string {
  if (probe.kind === 'field') return `field "${probe.label}"`;
  if (probe.kind === 'href') return `${probe.selector} (link)`;
  return probe.attribute ? `${probe.selector} (${probe.attribute})` : probe.selector;
}
