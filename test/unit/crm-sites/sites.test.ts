import { describe, expect, test } from 'vitest';
import { detectAccountPage } from '../../../lib/crm/index.ts';
import type { AccountPage } from '../../../lib/crm/types.ts';
import {
  type CrmSites,
  detectAccountPageOn,
  hostMatchesDomain,
  SELF_HOSTABLE_CRMS,
} from '../../../lib/crm-sites/sites.ts';
import { DYNAMICS_ACCOUNT_PAGES } from '../crm/dynamics.cases.ts';
import { ID_18, SALESFORCE_ACCOUNT_PAGES } from '../crm/salesforce.cases.ts';

const GUID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const SITES: CrmSites = {
  disabledCrms: [],
  customDomains: [
    { host: 'login.acme-corp.com', crm: 'salesforce' },
    { host: 'crm.contoso.local', crm: 'dynamics' },
    { host: '*.crm.fabrikam.com', crm: 'dynamics' },
  ],
};

/** The same URL with its host replaced: the built-in tables' paths, served from a custom domain. */
function onHost(url: string, host: string): string {
  const parsed = new URL(url);
  parsed.hostname = host;
  return parsed.href;
}

describe('detectAccountPageOn', () => {
  test.each<[string, AccountPage | null]>([
    [`https://login.acme-corp.com/lightning/r/Account/${ID_18}/view`, { crm: 'salesforce', recordId: ID_18 }],
    [`https://login.acme-corp.com/${ID_18}`, { crm: 'salesforce', recordId: ID_18 }],
    [`https://login.acme-corp.com/lightning/r/Contact/003Dn00000JBlk1IAA/view`, null],
    ['https://login.acme-corp.com/lightning/o/Account/list', null],
    [`http://login.acme-corp.com/lightning/r/Account/${ID_18}/view`, null],
    // a host under a listed one is not that host
    [`https://eu.login.acme-corp.com/lightning/r/Account/${ID_18}/view`, null],
    [
      `https://crm.contoso.local/ContosoOrg/main.aspx?etn=account&pagetype=entityrecord&id=${GUID}`,
      { crm: 'dynamics', recordId: GUID },
    ],
    [
      `https://crm.contoso.local/main.aspx?pagetype=entityrecord&etn=account&id=%7B${GUID.toUpperCase()}%7D`,
      { crm: 'dynamics', recordId: GUID },
    ],
    [`https://crm.contoso.local/ContosoOrg/main.aspx?etn=contact&pagetype=entityrecord&id=${GUID}`, null],
    ['https://crm.contoso.local/ContosoOrg/main.aspx?etn=account&pagetype=entitylist', null],
    [
      `https://crm.contoso.local/ContosoOrg/tools/main.aspx?etn=account&pagetype=entityrecord&id=${GUID}`,
      null,
    ],
    [
      `https://sales.crm.fabrikam.com/main.aspx?etn=account&pagetype=entityrecord&id=${GUID}`,
      { crm: 'dynamics', recordId: GUID },
    ],
    [
      `https://crm.fabrikam.com/Org/main.aspx?etn=account&pagetype=entityrecord&id=${GUID}`,
      { crm: 'dynamics', recordId: GUID },
    ],
    // hosts nobody listed stay unknown
    [`https://crm.example.org/lightning/r/Account/${ID_18}/view`, null],
    ['not a url', null],
  ])('%s', (url, expected) => {
    expect(detectAccountPageOn(url, SITES)).toEqual(expected);
  });

  test('built-in hosts keep their own rules', () => {
    for (const [url] of [...SALESFORCE_ACCOUNT_PAGES, ...DYNAMICS_ACCOUNT_PAGES]) {
      expect(detectAccountPageOn(url, SITES)).toEqual(detectAccountPage(url));
    }
  });

  test('every Salesforce table shape is recognised on a vanity domain', () => {
    for (const [url, id] of SALESFORCE_ACCOUNT_PAGES) {
      expect(detectAccountPageOn(onHost(url, 'login.acme-corp.com'), SITES), url).toEqual({
        crm: 'salesforce',
        recordId: id,
      });
    }
  });

  test('every Dynamics table shape is recognised on premises', () => {
    for (const [url, id] of DYNAMICS_ACCOUNT_PAGES) {
      expect(detectAccountPageOn(onHost(url, 'crm.contoso.local'), SITES)).toEqual({
        crm: 'dynamics',
        recordId: id,
      });
    }
  });

  test.each<[string, AccountPage | null]>([
    [`https://acme.lightning.force.com/lightning/r/Account/${ID_18}/view`, null],
    [`https://login.acme-corp.com/lightning/r/Account/${ID_18}/view`, null],
    [
      `https://crm.contoso.local/ContosoOrg/main.aspx?etn=account&pagetype=entityrecord&id=${GUID}`,
      { crm: 'dynamics', recordId: GUID },
    ],
    ['https://app.hubspot.com/contacts/123/record/0-2/456', { crm: 'hubspot', recordId: '456' }],
  ])('with Salesforce switched off: %s', (url, expected) => {
    expect(detectAccountPageOn(url, { ...SITES, disabledCrms: ['salesforce'] })).toEqual(expected);
  });
});

describe('hostMatchesDomain', () => {
  test.each([
    ['crm.contoso.com', 'crm.contoso.com', true],
    ['eu.crm.contoso.com', 'crm.contoso.com', false],
    ['eu.crm.contoso.com', '*.crm.contoso.com', true],
    ['crm.contoso.com', '*.crm.contoso.com', true],
    ['evilcrm.contoso.com', '*.crm.contoso.com', false],
    ['crm.contoso.com.evil.net', '*.crm.contoso.com', false],
  ])('%s on %s: %s', (hostname, domain, expected) => {
    expect(hostMatchesDomain(hostname, domain)).toBe(expected);
  });
});

test('Salesforce and Dynamics are the CRMs that can run on a domain of their own', () => {
  expect(SELF_HOSTABLE_CRMS).toEqual(['salesforce', 'dynamics']);
});
