import { describe, expect, test } from 'vitest';
import {
  accountRecordLink,
  crmBaseFromUrl,
  crmsNeedingBase,
  learnCrmBases,
  recordUrl,
} from '../../../lib/crm/record-url.ts';
import type { CrmRef } from '../../../lib/schemas/entities.ts';

const SF_HOST = 'https://acme.lightning.force.com';
const SF_ID = '001Dn00000GlbxQIAR';

describe('crmBaseFromUrl', () => {
  test.each<[CrmRef['crm'], string, ReturnType<typeof crmBaseFromUrl>]>([
    ['salesforce', `${SF_HOST}/lightning/r/Account/${SF_ID}/view`, { origin: SF_HOST }],
    [
      'salesforce',
      'https://acme.my.salesforce.com/001Dn00000GlbxQ',
      { origin: 'https://acme.my.salesforce.com' },
    ],
    [
      'hubspot',
      'https://app-eu1.hubspot.com/contacts/4815162/record/0-2/10002',
      { origin: 'https://app-eu1.hubspot.com', portalId: '4815162' },
    ],
    [
      'hubspot',
      'https://app.hubspot.com/contacts/4815162/company/10002',
      { origin: 'https://app.hubspot.com', portalId: '4815162' },
    ],
    ['hubspot', 'https://app.hubspot.com/reports-dashboard/4815162', null],
    ['salesforce', 'http://acme.lightning.force.com/lightning/r/Account/x/view', null],
    ['salesforce', 'https://evil.example/lightning/r/Account/x/view', null],
    ['salesforce', 'not a url', null],
    ['pipedrive', 'https://acme.pipedrive.com/organization/42', null],
  ])('%s %s', (crm, url, base) => {
    expect(crmBaseFromUrl(crm, url)).toEqual(base);
  });
});

describe('recordUrl', () => {
  test.each<[string, Pick<CrmRef, 'crm' | 'id' | 'url'>, Parameters<typeof recordUrl>[1], string | null]>([
    [
      'a ref with its own https URL keeps it',
      { crm: 'pipedrive', id: '42', url: 'https://acme.pipedrive.com/organization/42' },
      undefined,
      'https://acme.pipedrive.com/organization/42',
    ],
    [
      'a Salesforce id is built on the org host',
      { crm: 'salesforce', id: SF_ID },
      { origin: SF_HOST },
      `${SF_HOST}/lightning/r/Account/${SF_ID}/view`,
    ],
    [
      'a HubSpot id is built with the portal',
      { crm: 'hubspot', id: '10002' },
      { origin: 'https://app.hubspot.com', portalId: '4815162' },
      'https://app.hubspot.com/contacts/4815162/record/0-2/10002',
    ],
    [
      'HubSpot without a portal cannot be built',
      { crm: 'hubspot', id: '10002' },
      { origin: 'https://app.hubspot.com' },
      null,
    ],
    ['no base, no URL: no link', { crm: 'salesforce', id: SF_ID }, undefined, null],
    ['a CRM without a builder: no link', { crm: 'zoho', id: '9' }, { origin: 'https://crm.zoho.com' }, null],
    [
      'a javascript: URL is never a link, the built one is used',
      { crm: 'salesforce', id: SF_ID, url: 'javascript:alert(1)' },
      { origin: SF_HOST },
      `${SF_HOST}/lightning/r/Account/${SF_ID}/view`,
    ],
    [
      'a plain http URL is not followed',
      { crm: 'close', id: 'l', url: 'http://app.close.com/lead/l' },
      undefined,
      null,
    ],
    [
      'ids are encoded into the path',
      { crm: 'salesforce', id: '001/../x?y' },
      { origin: SF_HOST },
      `${SF_HOST}/lightning/r/Account/001%2F..%2Fx%3Fy/view`,
    ],
  ])('%s', (_name, ref, base, url) => {
    expect(recordUrl(ref, base)).toBe(url);
  });
});

describe('learnCrmBases and accountRecordLink', () => {
  const refs: Pick<CrmRef, 'crm' | 'id' | 'url'>[] = [
    { crm: 'salesforce', id: '001A', url: 'javascript:void 0' },
    { crm: 'salesforce', id: '001B', url: `${SF_HOST}/lightning/r/Account/001B/view` },
    { crm: 'salesforce', id: '001C', url: 'https://other.lightning.force.com/lightning/r/Account/001C/view' },
    { crm: 'hubspot', id: '7', url: 'https://app.hubspot.com/contacts/99/record/0-2/7' },
  ];

  test('the first usable URL per CRM sets its base', () => {
    expect(Object.fromEntries(learnCrmBases(refs))).toEqual({
      salesforce: { origin: SF_HOST },
      hubspot: { origin: 'https://app.hubspot.com', portalId: '99' },
    });
  });

  test('an account without URLs gets links built from what the book taught', () => {
    const bases = learnCrmBases(refs);
    expect(accountRecordLink([{ crm: 'hubspot', id: '8' }], bases)).toEqual({
      crm: 'hubspot',
      url: 'https://app.hubspot.com/contacts/99/record/0-2/8',
    });
    expect(
      accountRecordLink(
        [
          { crm: 'zoho', id: 'z' },
          { crm: 'salesforce', id: '001D' },
        ],
        bases,
      ),
    ).toEqual({ crm: 'salesforce', url: `${SF_HOST}/lightning/r/Account/001D/view` });
  });

  test('no ref that yields a link: no link', () => {
    expect(accountRecordLink([{ crm: 'zoho', id: 'z' }], new Map())).toBeNull();
    expect(accountRecordLink([], learnCrmBases(refs))).toBeNull();
  });
});

describe('crmsNeedingBase', () => {
  const own = (crm: CrmRef['crm'], id: string) => ({
    crm,
    id,
    url: `https://acme.lightning.force.com/lightning/r/Account/${id}/view`,
  });
  test.each<[string, Pick<CrmRef, 'crm' | 'id' | 'url'>[], string[]]>([
    ['no refs', [], []],
    ['the first ref has its own URL', [own('salesforce', 'a'), { crm: 'hubspot', id: '1' }], []],
    ['refs without URLs before one with', [{ crm: 'hubspot', id: '1' }, own('salesforce', 'a')], ['hubspot']],
    [
      'a URL that is not https does not count',
      [{ crm: 'salesforce', id: 'a', url: 'http://acme.lightning.force.com/a' }],
      ['salesforce'],
    ],
    [
      'a URL on a look-alike host does not count',
      [{ crm: 'salesforce', id: 'a', url: 'https://acme.lightning.force.com.evil.example/a' }],
      ['salesforce'],
    ],
    [
      'CRMs whose links cannot be built need nothing',
      [
        { crm: 'zoho', id: 'z' },
        { crm: 'salesforce', id: 'a' },
      ],
      ['salesforce'],
    ],
  ])('%s', (_name, refs, expected) => {
    expect([...crmsNeedingBase(refs)]).toEqual(expected);
  });
});
