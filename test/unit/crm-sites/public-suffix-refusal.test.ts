import { describe, expect, test } from 'vitest';
import { normaliseCustomDomain } from '../../../lib/crm-sites/custom-domain-input.ts';
import { checkTypedCustomDomain } from '../../../lib/crm-sites/public-suffix-refusal.ts';
import type { CustomDomain } from '../../../lib/crm-sites/sites.ts';
import type { CrmName } from '../../../lib/schemas/entities.ts';

const LISTED: CustomDomain[] = [{ host: 'crm.contoso.local', crm: 'dynamics' }];

describe('checkTypedCustomDomain', () => {
  test.each<[string, CrmName]>([
    ['acme.my.site.com', 'salesforce'],
    ['*.acme.my.site.com', 'salesforce'],
    ['*.contoso.co.uk', 'dynamics'],
    ['crm.contoso.co.uk', 'dynamics'],
    ['contoso-crm.herokuapp.com', 'dynamics'],
    ['*.contoso.local', 'dynamics'],
  ])('%s for %s is one organisation’s and is accepted', (input, crm) => {
    expect(checkTypedCustomDomain(input, crm, LISTED).host).toBe(input);
  });

  test.each<[string, CrmName, RegExp]>([
    [
      '*.co.uk',
      'dynamics',
      /\*\.co\.uk would cover every site under co\.uk, a public suffix: domains there belong/,
    ],
    ['https://*.co.nz/', 'dynamics', /every site under co\.nz, a public suffix/],
    ['*.github.io', 'dynamics', /every site under github\.io, a public suffix: many unrelated customers/],
    ['*.herokuapp.com', 'dynamics', /every site under herokuapp\.com/],
    ['*.my.site.com', 'salesforce', /every site under my\.site\.com/],
    ['*.site.com', 'salesforce', /every site under my\.site\.com/],
    ['*.blogspot.com', 'dynamics', /every site under blogspot\.com/],
    ['*.s3.amazonaws.com', 'dynamics', /every site under s3\.amazonaws\.com/],
    ['co.uk', 'dynamics', /co\.uk is a public suffix, not one CRM’s host/],
    ['github.io', 'dynamics', /github\.io is a public suffix/],
  ])('%s for %s is refused as a public suffix', (input, crm, message) => {
    expect(() => checkTypedCustomDomain(input, crm, LISTED)).toThrow(message);
  });

  test('refuses everything the normaliser refuses, with its words', () => {
    expect(() => checkTypedCustomDomain('crm.contoso.com:8443', 'dynamics', LISTED)).toThrow(
      /without a port/,
    );
    expect(checkTypedCustomDomain('https://CRM.Contoso.COM/', 'dynamics', LISTED)).toEqual(
      normaliseCustomDomain('https://CRM.Contoso.COM/', 'dynamics', LISTED),
    );
  });
});
