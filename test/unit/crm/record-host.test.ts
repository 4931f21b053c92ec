import { describe, expect, test } from 'vitest';
import { crmLinkUrl } from '../../../lib/crm/record-host.ts';
import { accountRecordLink } from '../../../lib/crm/record-url.ts';
import type { CustomDomain } from '../../../lib/crm-sites/sites.ts';
import type { CrmName } from '../../../lib/schemas/entities.ts';

const CUSTOM: CustomDomain[] = [
  { host: 'crm.contoso.com', crm: 'dynamics' },
  { host: '*.fabrikam.com', crm: 'salesforce' },
];

describe('crmLinkUrl', () => {
  test.each<[CrmName, string]>([
    ['salesforce', 'https://acme.lightning.force.com/lightning/r/Account/001/view'],
    ['salesforce', 'https://acme.my.salesforce.com/001'],
    ['hubspot', 'https://app-eu1.hubspot.com/contacts/1/record/0-2/2'],
    ['pipedrive', 'https://acme.pipedrive.com/organization/42'],
    ['dynamics', 'https://contoso.crm4.dynamics.com/main.aspx?id=1'],
    ['dynamics', 'https://crm.contoso.com/main.aspx?id=1'],
    ['salesforce', 'https://crm.fabrikam.com/lightning/r/Account/001/view'],
    ['salesforce', 'https://fabrikam.com/lightning/r/Account/001/view'],
  ])('%s: %s is a link', (crm, url) => {
    expect(crmLinkUrl(url, crm, CUSTOM)?.href).toBe(new URL(url).href);
  });

  test.each<[string, CrmName, string]>([
    ['a look-alike host', 'hubspot', 'https://app.hubspot.com.evil.example/contacts/1/record/0-2/2'],
    ['a look-alike suffix', 'salesforce', 'https://acme.lightning.force.com-evil.example/x'],
    ['a near-miss spelling', 'salesforce', 'https://acme.lightning.forse.com/x'],
    ['credentials in front of the CRM host', 'hubspot', 'https://app.hubspot.com:x@evil.example/contacts/1'],
    ['a user name and password', 'salesforce', 'https://user:pass@acme.lightning.force.com/x'],
    ['a user name alone', 'pipedrive', 'https://user@acme.pipedrive.com/organization/42'],
    ['another CRM’s host', 'salesforce', 'https://app.hubspot.com/contacts/1/record/0-2/2'],
    ['a custom domain of another CRM', 'salesforce', 'https://crm.contoso.com/main.aspx?id=1'],
    ['a sibling of a custom domain', 'dynamics', 'https://evil.contoso.com/main.aspx?id=1'],
    ['a custom domain as a suffix only', 'salesforce', 'https://evilfabrikam.com/x'],
    ['plain http', 'salesforce', 'http://acme.lightning.force.com/x'],
    ['a javascript: URL', 'salesforce', 'javascript:alert(1)'],
    ['not a URL', 'salesforce', 'acme.lightning.force.com/x'],
  ])('%s is not a link', (_name, crm, url) => {
    expect(crmLinkUrl(url, crm, CUSTOM)).toBeNull();
  });
});

test('an account whose only URL is a look-alike gets no link; its name is shown as text', () => {
  const refs = [{ crm: 'pipedrive' as const, id: '42', url: 'https://acme.pipedrive.com.evil.example/o/42' }];
  expect(accountRecordLink(refs, new Map(), CUSTOM)).toBeNull();
});
