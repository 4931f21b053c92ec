import { describe, expect, test } from 'vitest';
import { hubspot } from '../../../lib/crm/hubspot.ts';
import { CRM_HOST_PATTERNS, detectAccountPage } from '../../../lib/crm/index.ts';
import { salesforce } from '../../../lib/crm/salesforce.ts';
import { HUBSPOT_COMPANY_PAGES, HUBSPOT_OTHER_PAGES } from './hubspot.cases.ts';
import { ID_18, SALESFORCE_ACCOUNT_PAGES, SALESFORCE_OTHER_PAGES } from './salesforce.cases.ts';

const ACCOUNT_PAGES = [
  ...SALESFORCE_ACCOUNT_PAGES.map(([url, recordId]) => [url, { crm: 'salesforce', recordId }] as const),
  ...HUBSPOT_COMPANY_PAGES.map(([url, recordId]) => [url, { crm: 'hubspot', recordId }] as const),
];

/** Chrome match-pattern host semantics for the only forms we use: `*.domain` and an exact host. */
function patternCoversHost(pattern: string, hostname: string): boolean {
  const host = /^https:\/\/([^/]+)\/\*$/.exec(pattern)?.[1] ?? '';
  if (!host.startsWith('*.')) return host === hostname;
  const domain = host.slice(2);
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

describe('detectAccountPage', () => {
  test.each(ACCOUNT_PAGES)('%s', (url, expected) => {
    expect(detectAccountPage(url)).toEqual(expected);
  });

  test.each([...SALESFORCE_OTHER_PAGES, ...HUBSPOT_OTHER_PAGES])('%s -> null', (url) => {
    expect(detectAccountPage(url)).toBeNull();
  });

  test.each([
    '',
    'not a url',
    '/lightning/r/Account/001D000000Jwj9vIAB/view',
    `http://acme.lightning.force.com/lightning/r/Account/${ID_18}/view`,
    'http://app.hubspot.com/contacts/6798828/record/0-2/2640917901',
    `file:///home/me/acme.lightning.force.com/lightning/r/Account/${ID_18}/view`,
    `javascript:alert('https://acme.lightning.force.com/lightning/r/Account/${ID_18}/view')`,
    `chrome-extension://abc/lightning/r/Account/${ID_18}/view`,
  ])('%j is not an https CRM page -> null', (url) => {
    expect(detectAccountPage(url)).toBeNull();
  });

  test('no Salesforce URL in the tables is taken by the HubSpot detector, and vice versa', () => {
    const taken = (detector: typeof salesforce, urls: readonly string[]) =>
      urls.filter((url) => {
        const parsed = new URL(url);
        return detector.hostMatches(parsed.hostname) || detector.detect(parsed) !== null;
      });
    const salesforceUrls = [...SALESFORCE_ACCOUNT_PAGES.map(([url]) => url), ...SALESFORCE_OTHER_PAGES];
    const hubspotUrls = [...HUBSPOT_COMPANY_PAGES.map(([url]) => url), ...HUBSPOT_OTHER_PAGES];
    expect(taken(hubspot, salesforceUrls)).toEqual([]);
    expect(taken(salesforce, hubspotUrls)).toEqual([]);
  });
});

describe('CRM_HOST_PATTERNS', () => {
  test('are https Chrome match patterns with a host wildcard only as a leading label', () => {
    expect(CRM_HOST_PATTERNS.length).toBeGreaterThan(0);
    for (const pattern of CRM_HOST_PATTERNS) {
      expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
    }
  });

  test.each(ACCOUNT_PAGES)('the content script runs on %s', (url) => {
    const { hostname } = new URL(url);
    expect(CRM_HOST_PATTERNS.some((pattern) => patternCoversHost(pattern, hostname))).toBe(true);
  });
});
