import { describe, expect, test } from 'vitest';
import { MAX_CUSTOM_DOMAINS, normaliseCustomDomain } from '../../../lib/crm-sites/custom-domain-input.ts';
import type { CustomDomain } from '../../../lib/crm-sites/sites.ts';
import type { CrmName } from '../../../lib/schemas/entities.ts';

const LISTED: CustomDomain[] = [{ host: 'crm.contoso.local', crm: 'dynamics' }];

describe('normaliseCustomDomain', () => {
  test.each<[string, CrmName, string]>([
    ['crm.contoso.com', 'dynamics', 'crm.contoso.com'],
    ['  CRM.Contoso.COM  ', 'dynamics', 'crm.contoso.com'],
    ['https://crm.contoso.com/', 'dynamics', 'crm.contoso.com'],
    ['https://crm.contoso.com', 'dynamics', 'crm.contoso.com'],
    ['crm.contoso.com.', 'dynamics', 'crm.contoso.com'],
    ['login.acme-corp.com', 'salesforce', 'login.acme-corp.com'],
    ['*.acme-corp.com', 'salesforce', '*.acme-corp.com'],
    ['https://*.crm.fabrikam.com/', 'dynamics', '*.crm.fabrikam.com'],
    ['crm', 'dynamics', 'crm'],
    ['crm.bücher.example', 'dynamics', 'crm.xn--bcher-kva.example'],
  ])('%s for %s → %s', (input, crm, host) => {
    expect(normaliseCustomDomain(input, crm, LISTED)).toEqual({ host, crm });
  });

  test.each<[string, CrmName, RegExp]>([
    ['', 'dynamics', /Enter the domain/],
    ['   ', 'dynamics', /Enter the domain/],
    ['http://crm.contoso.com', 'dynamics', /only runs on CRM pages served over https/],
    ['ftp://crm.contoso.com', 'dynamics', /https/],
    ['https://crm.contoso.com/ContosoOrg/main.aspx', 'dynamics', /without a path/],
    ['crm.contoso.com/ContosoOrg', 'dynamics', /without a path/],
    ['https://crm.contoso.com/?x=1', 'dynamics', /without a path, query/],
    ['https://user:pw@crm.contoso.com', 'dynamics', /user name or password/],
    ['crm.contoso.com:8443', 'dynamics', /without a port/],
    ['10.0.0.12', 'dynamics', /IP addresses are not supported/],
    ['https://10.0.0.12:444/', 'dynamics', /IP addresses/],
    ['[::1]', 'dynamics', /IP addresses/],
    ['crm.*.contoso.com', 'dynamics', /at the very start/],
    ['*crm.contoso.com', 'dynamics', /not a valid domain name|at the very start/],
    ['crm*.contoso.com', 'dynamics', /at the very start/],
    ['*.*.contoso.com', 'dynamics', /at the very start/],
    ['*', 'dynamics', /not a valid domain name|at the very start/],
    ['*.com', 'dynamics', /whole top-level domain/],
    ['crm_contoso.com', 'dynamics', /not a valid domain name/],
    ['-crm.contoso.com', 'dynamics', /not a valid domain name/],
    ['crm..contoso.com', 'dynamics', /not a valid domain name/],
    ['crm.contoso.local', 'dynamics', /already in the list \(for Dynamics 365\)/],
    ['https://CRM.contoso.local/', 'salesforce', /already in the list/],
    ['acme.lightning.force.com', 'salesforce', /Salesforce’s own domains, which Goal Lens covers already/],
    ['acme.my.salesforce.com', 'salesforce', /covers already/],
    ['salesforce.com', 'salesforce', /covers already/],
    ['*.force.com', 'salesforce', /covers already/],
    ['contoso.crm4.dynamics.com', 'dynamics', /Dynamics 365’s own domains/],
    ['app.hubspot.com', 'salesforce', /HubSpot’s own domains/],
    ['crm.zoho.eu', 'dynamics', /Zoho CRM’s own domains/],
    ['crm.contoso.com', 'hubspot', /HubSpot is only served from its own domains/],
  ])('%s for %s is refused', (input, crm, message) => {
    expect(() => normaliseCustomDomain(input, crm, LISTED)).toThrow(message);
  });

  test('the list has a limit', () => {
    const full = Array.from({ length: MAX_CUSTOM_DOMAINS }, (_, i) => ({
      host: `crm${i}.contoso.com`,
      crm: 'dynamics' as const,
    }));
    expect(() => normaliseCustomDomain('crm.fabrikam.com', 'dynamics', full)).toThrow(/up to 50/);
  });
});
