import { describe, expect, test } from 'vitest';
import type { Probe } from '../../../lib/crm/page-account-fields.ts';
import { readPageAccount } from '../../../lib/crm/read-page-account.ts';
import { readPageField } from '../../../lib/crm/read-page-field.ts';
import type { CrmName } from '../../../lib/crm/types.ts';
import { fixtureDocument, htmlDocument } from './page-dom.ts';

// The same evidence-built pages run in real Chromium in test/e2e/page-readers.spec.ts (shadow roots
// and layout exist only there); here the DOM emulation checks the data and the markup-level rules.
describe('readPageAccount reads the record the page shows, from evidenced markup', () => {
  test.each<[CrmName, string, string | null, string | null, string]>([
    // crm, fixture, name, domain, the probe that found the website
    [
      'salesforce',
      'salesforce/account.html',
      'Acme Corporation',
      'acme-corp.example.com',
      'records-record-layout-item[field-label="Website"] lightning-formatted-url (link)',
    ],
    [
      'salesforce',
      'salesforce/account-hidden-cached.html',
      'Acme Corporation',
      'acme-corp.example.com',
      'records-record-layout-item[field-label="Website"] lightning-formatted-url (link)',
    ],
    ['salesforce', 'salesforce/person-account.html', 'Dr. Maya Lindqvist', null, 'field "Website"'],
    [
      'dynamics',
      'dynamics/account.html',
      'Contoso Pharmaceuticals',
      'contoso-pharma.example.com',
      'input[data-id^="websiteurl.fieldControl"]',
    ],
  ])('%s: %s', (crm, fixture, name, domain, websiteProbe) => {
    const page = readPageAccount(fixtureDocument(fixture), crm);
    expect(page.name).toBe(name);
    expect(page.domain).toBe(domain);
    const website = page.reports.find((report) => report.field === 'website');
    expect(website?.found).toBe(domain !== null);
    expect(website?.tried.at(-1)).toEqual({ probe: websiteProbe, found: domain !== null });
  });

  test.each<[CrmName, string, string]>([
    ['hubspot', 'hubspot/account.html', 'Customer tier'],
    ['pipedrive', 'pipedrive/account.html', 'Customer Tier'],
    ['zoho', 'zoho/account.html', 'Account Name'],
  ])('%s: hooks no citable source confirms are not read (%s)', (crm, fixture, label) => {
    const page = fixtureDocument(fixture);
    expect(readPageAccount(page, crm)).toEqual({
      name: null,
      domain: null,
      reports: [
        { field: 'name', found: false, tried: [] },
        { field: 'website', found: false, tried: [] },
      ],
    });
    expect(readPageField(page, crm, label)).toBeNull();
  });

  test.each<CrmName>(['attio', 'close', 'copper', 'freshsales'])(
    '%s: no public evidence of the record page, so nothing is read from it',
    (crm) => {
      // Hooks such pages were once assumed to have: none is documented anywhere, so none is read.
      const page = htmlDocument(
        '<h1 data-testid="record-header-name">Umbrella Corp</h1><h1 data-testid="lead-name">Umbrella Corp</h1>' +
          '<h1 data-testid="entity-title">Umbrella Corp</h1><h1 data-test-id="entity-name">Umbrella Corp</h1>' +
          '<a href="https://umbrella.example.com">umbrella.example.com</a>' +
          '<div class="field-row"><span class="field-row__label">Customer Tier</span><span class="field-row__value">Tier 1</span></div>',
      );
      expect(readPageAccount(page, crm)).toEqual({
        name: null,
        domain: null,
        reports: [
          { field: 'name', found: false, tried: [] },
          { field: 'website', found: false, tried: [] },
        ],
      });
      expect(readPageField(page, crm, 'Customer Tier')).toBeNull();
    },
  );

  test('Dynamics: the header title’s clean attribute, not its text with the save state', () => {
    const page = readPageAccount(fixtureDocument('dynamics/account.html'), 'dynamics');
    expect(page.reports[0]?.tried).toEqual([{ probe: '[data-id="header_title"] (title)', found: true }]);
    // Without the attribute, the decorated text is cleaned of its save state.
    const bare = htmlDocument('<h1 data-id="header_title">Contoso Pharmaceuticals<span> - Saved</span></h1>');
    expect(readPageAccount(bare, 'dynamics').name).toBe('Contoso Pharmaceuticals');
    const unsaved = htmlDocument('<h1 data-id="header_title">Fabrikam – Unsaved</h1>');
    expect(readPageAccount(unsaved, 'dynamics').name).toBe('Fabrikam');
  });
});

describe('readPageField reads what the page shows in a labelled field', () => {
  test.each<[CrmName, string, string, string | null]>([
    ['salesforce', 'salesforce/account.html', 'Customer Tier', 'Tier 1 Strategic'],
    ['salesforce', 'salesforce/account.html', 'customer tier', 'Tier 1 Strategic'],
    ['salesforce', 'salesforce/account.html', 'Account Site', null],
    ['salesforce', 'salesforce/account-hidden-cached.html', 'Customer Tier', 'Tier 1 Strategic'],
    ['salesforce', 'salesforce/person-account.html', 'Customer Tier', 'Tier 3 Scale'],
    // Dynamics: a choice field's shown option, a status combo box's shown value, a required star
    ['dynamics', 'dynamics/account.html', 'Customer Tier', 'Tier 2 Growth'],
    ['dynamics', 'dynamics/account.html', 'Status Reason', 'Active'],
    ['dynamics', 'dynamics/account.html', 'Account Name', 'Contoso Pharmaceuticals'],
  ])('%s: %s, %s', (crm, fixture, label, value) => {
    expect(readPageField(fixtureDocument(fixture), crm, label)).toBe(value);
  });

  test('a choice field shows its first option when none is marked selected', () => {
    const page = htmlDocument(
      '<div data-id="tier-FieldSectionItemContainer"><label>Tier</label><select><option>Gold</option><option>Silver</option></select></div>',
    );
    expect(readPageField(page, 'dynamics', 'Tier')).toBe('Gold');
  });

  test('a field inside a hidden ancestor is another record’s', () => {
    const item = (tier: string) =>
      `<records-record-layout-item field-label="Tier"><span slot="outputField">${tier}</span></records-record-layout-item>`;
    const hidden = htmlDocument(`<div hidden>${item('Gold')}</div>${item('Silver')}`);
    expect(readPageField(hidden, 'salesforce', 'Tier')).toBe('Silver');
    const styled = htmlDocument(`<div style="display: none">${item('Gold')}</div>`);
    expect(readPageField(styled, 'salesforce', 'Tier')).toBeNull();
  });
});

describe('a redesigned page is reported, never thrown', () => {
  test('every selector the Dynamics reader tried is named as failed', () => {
    const page = readPageAccount(fixtureDocument('dynamics/account-redesigned.html'), 'dynamics');
    expect(page).toEqual({
      name: null,
      domain: null,
      reports: [
        {
          field: 'name',
          found: false,
          tried: [
            { probe: '[data-id="header_title"] (title)', found: false },
            { probe: 'input[data-id^="name.fieldControl"]', found: false },
          ],
        },
        {
          field: 'website',
          found: false,
          tried: [
            { probe: 'input[data-id^="websiteurl.fieldControl"]', found: false },
            { probe: 'field "Website"', found: false },
          ],
        },
      ],
    });
  });

  test('a broken selector in the data is reported with its error and the next probe still runs', () => {
    const probes: Record<'name' | 'website', Probe[]> = {
      name: [
        { kind: 'text', selector: 'h1[data-id=' },
        { kind: 'text', selector: 'h1' },
      ],
      website: [{ kind: 'href', selector: 'a.site' }],
    };
    const page = readPageAccount(
      htmlDocument('<h1>Acme</h1><a class="site" href="mailto:x">x</a>'),
      'dynamics',
      probes,
    );
    expect(page.name).toBe('Acme');
    expect(page.domain).toBeNull();
    expect(page.reports[0]?.tried[0]).toMatchObject({
      probe: 'h1[data-id=',
      found: false,
      error: expect.any(String),
    });
    expect(page.reports[0]?.tried[1]).toEqual({ probe: 'h1', found: true });
    expect(page.reports[1]).toEqual({
      field: 'website',
      found: false,
      tried: [{ probe: 'a.site (link)', found: false }],
    });
  });

  test('an empty page or a page that is not HTML at all finds nothing', () => {
    expect(readPageAccount(htmlDocument(''), 'salesforce')).toMatchObject({ name: null, domain: null });
    const hostile = htmlDocument(
      `<h1 data-id="header_title" title="${'x'.repeat(5000)}"></h1><input data-id="websiteurl.fieldControl-url-text-input" value="javascript:alert(1)">`,
    );
    expect(readPageAccount(hostile, 'dynamics')).toMatchObject({ name: null, domain: null });
  });
});
