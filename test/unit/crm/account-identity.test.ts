import { describe, expect, test } from 'vitest';
import { normaliseDomain, normaliseName } from '../../../lib/crm/account-identity.ts';
import { urlShape } from '../../../lib/crm/path-shape.ts';

describe('normaliseDomain', () => {
  test.each<[string, string | null]>([
    ['acme.com', 'acme.com'],
    ['www.acme.com', 'acme.com'],
    ['WWW.Acme.COM', 'acme.com'],
    ['https://www.acme.com/', 'acme.com'],
    ['http://acme.com/about?x=1#top', 'acme.com'],
    ['acme.com:8443/home', 'acme.com'],
    ['  https://shop.acme.co.uk  ', 'shop.acme.co.uk'],
    ['www2.acme.com', 'acme.com'],
    ['acme.com.', 'acme.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['https://BÜCHER.example/katalog', 'xn--bcher-kva.example'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['https://user:pass@acme.com/', null],
    ['evil.example:x@acme.com', null],
    ['', null],
    ['   ', null],
    ['--', null],
    ['acme', null],
    ['localhost', null],
    ['192.168.0.1', null],
    ['http://10.0.0.1:8080/', null],
    ['acme com', null],
    ['javascript:alert(1)', null],
    ['mailto:ceo@acme.com', null],
    ['ftp://acme.com', null],
    ['<script>acme.com</script>', null],
    [`${'a'.repeat(64)}.com`, null],
    [`https://acme.com/${'x'.repeat(2000)}`, null],
  ])('%j → %j', (input, domain) => {
    expect(normaliseDomain(input)).toBe(domain);
  });
});

describe('normaliseName', () => {
  test.each<[string, string | null]>([
    ['Acme Corporation', 'acme corporation'],
    ['  Acme \n  Corporation ', 'acme corporation'],
    ['ACME CORPORATION', 'acme corporation'],
    ['Acme\u00a0Corporation', 'acme corporation'],
    ['ﬁrma GmbH', 'firma gmbh'],
    ['Bücher Verlag', 'bücher verlag'],
    // Punctuation is part of the name: a near miss is not a match.
    ['Acme, Inc.', 'acme, inc.'],
    ['<b>Acme</b>', '<b>acme</b>'],
    ['', null],
    ['   ', null],
    ['x'.repeat(200), 'x'.repeat(200)],
    ['x'.repeat(201), null],
  ])('%j → %j', (input, name) => {
    expect(normaliseName(input)).toBe(name);
  });
});

describe('urlShape keeps the kind of page and drops ids, names and values', () => {
  test.each<[string, string]>([
    [
      'https://acme.lightning.force.com/lightning/r/Account/001Dn00000Acme1IAB/view',
      '/lightning/r/Account/:id/view',
    ],
    [
      'https://contoso.crm4.dynamics.com/main.aspx?appid=0a1b&pagetype=entityrecord&etn=account&id=%7Bd2a7%7D',
      '/main.aspx?appid&etn=account&id&pagetype=entityrecord',
    ],
    [
      'https://contoso.crm4.dynamics.com/main.aspx?PageType=EntityRecord&ETN=account',
      '/main.aspx?etn=account&pagetype=EntityRecord',
    ],
    ['https://app.hubspot.com/contacts/4815162/record/0-2/10001', '/contacts/:id/record/:id/:id'],
    [
      'https://app.copper.com/companies/12345/app#/organization/678?x=Acme',
      '/companies/:id/app#/organization/:id',
    ],
    [
      'https://app.attio.com/goallens/company/0b5f1c52-1111-4222-8333-444455556666/overview',
      '/goallens/company/:id/overview',
    ],
    ['https://acme.pipedrive.com/organization/42?name=Acme%20Corporation', '/organization/:id?name'],
    ['https://x.example/search?Acme%20Corporation=1', '/search?:param'],
    ['not a url', ''],
  ])('%s', (url, shape) => {
    expect(urlShape(url)).toBe(shape);
  });
});
