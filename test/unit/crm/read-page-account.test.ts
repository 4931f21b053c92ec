import { describe, expect, test } from 'vitest';
import type { Probe } from '../../../lib/crm/page-account-fields.ts';
import { readPageAccount } from '../../../lib/crm/read-page-account.ts';
import { readPageField } from '../../../lib/crm/read-page-field.ts';
import type { CrmName } from '../../../lib/crm/types.ts';
import { fixtureDocument, htmlDocument } from './page-dom.ts';

describe('readPageAccount reads every CRM’s saved account page', () => {
  test.each<[CrmName, string, string, string, string]>([
    // crm, fixture, name, domain, the probe that found the website
    [
      'salesforce',
      'salesforce/account.html',
      'Acme Corporation',
      'acme-corp.example.com',
      'records-record-layout-item[field-label="Website"] lightning-formatted-url a (link)',
    ],
    [
      'hubspot',
      'hubspot/account.html',
      'Globex Industries',
      'globex.example.com',
      '[data-selenium-test="property-input-domain"]',
    ],
    [
      'dynamics',
      'dynamics/account.html',
      'Contoso Pharmaceuticals',
      'contoso-pharma.example.com',
      'input[data-id="websiteurl.fieldControl-url-text-input"]',
    ],
    [
      'pipedrive',
      'pipedrive/account.html',
      'Bücher Verlag GmbH',
      'xn--bcher-verlag-dlb.example',
      'field "Website"',
    ],
    ['zoho', 'zoho/account.html', 'Initech', 'initech.example.com', '#subvalue_WEBSITE a (link)'],
    ['attio', 'attio/account.html', 'Umbrella Corp', 'umbrella.example.com', 'field "Domains"'],
    [
      'close',
      'close/account.html',
      'Wayne Enterprises',
      'wayne.example.com',
      '[data-testid="lead-url"] a (link)',
    ],
    ['copper', 'copper/account.html', 'Stark Industries', 'stark.example.com', 'field "Website"'],
    ['freshsales', 'freshsales/account.html', 'Hooli Inc.', 'hooli.example.com', 'field "Website"'],
  ])('%s', (crm, fixture, name, domain, websiteProbe) => {
    const page = readPageAccount(fixtureDocument(fixture), crm);
    expect(page.name).toBe(name);
    expect(page.domain).toBe(domain);
    const website = page.reports.find((report) => report.field === 'website');
    expect(website?.found).toBe(true);
    expect(website?.tried.at(-1)).toEqual({ probe: websiteProbe, found: true });
  });

  test.each<[CrmName, string, string]>([
    ['salesforce', 'salesforce/account.html', 'Tier 1 Strategic'],
    ['hubspot', 'hubspot/account.html', 'Tier 1 Strategic'],
    ['dynamics', 'dynamics/account.html', 'Tier 2 Growth'],
    ['pipedrive', 'pipedrive/account.html', 'Tier 3 Scale'],
  ])('%s: the tier field is read through the same field layout', (crm, fixture, tier) => {
    expect(readPageField(fixtureDocument(fixture), crm, 'Customer Tier')).toBe(tier);
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
            { probe: 'h1[data-id="header_title"]', found: false },
            { probe: 'input[data-id="name.fieldControl-text-box-text"]', found: false },
          ],
        },
        {
          field: 'website',
          found: false,
          tried: [
            { probe: 'input[data-id="websiteurl.fieldControl-url-text-input"]', found: false },
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
      `<h1 data-selenium-test="highlightTitle">${'x'.repeat(5000)}</h1><span data-selenium-test="property-input-domain">javascript:alert(1)</span>`,
    );
    expect(readPageAccount(hostile, 'hubspot')).toMatchObject({ name: null, domain: null });
  });
});
