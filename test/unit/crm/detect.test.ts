import { describe, expect, test } from 'vitest';
import { attio } from '../../../lib/crm/attio.ts';
import { close } from '../../../lib/crm/close.ts';
import { copper } from '../../../lib/crm/copper.ts';
import { dynamics } from '../../../lib/crm/dynamics.ts';
import { freshsales } from '../../../lib/crm/freshsales.ts';
import { hubspot } from '../../../lib/crm/hubspot.ts';
import { CRM_HOST_PATTERNS, detectAccountPage } from '../../../lib/crm/index.ts';
import { pipedrive } from '../../../lib/crm/pipedrive.ts';
import { salesforce } from '../../../lib/crm/salesforce.ts';
import type { CrmDetector } from '../../../lib/crm/types.ts';
import { zoho } from '../../../lib/crm/zoho.ts';
import { ATTIO_COMPANY_PAGES, ATTIO_OTHER_PAGES } from './attio.cases.ts';
import { CLOSE_LEAD_PAGES, CLOSE_OTHER_PAGES } from './close.cases.ts';
import { COPPER_COMPANY_PAGES, COPPER_OTHER_PAGES } from './copper.cases.ts';
import { DYNAMICS_ACCOUNT_PAGES, DYNAMICS_OTHER_PAGES } from './dynamics.cases.ts';
import { FRESHSALES_ACCOUNT_PAGES, FRESHSALES_OTHER_PAGES } from './freshsales.cases.ts';
import { HUBSPOT_COMPANY_PAGES, HUBSPOT_OTHER_PAGES } from './hubspot.cases.ts';
import { PIPEDRIVE_ORGANIZATION_PAGES, PIPEDRIVE_OTHER_PAGES } from './pipedrive.cases.ts';
import { ID_18, SALESFORCE_ACCOUNT_PAGES, SALESFORCE_OTHER_PAGES } from './salesforce.cases.ts';
import { ZOHO_ACCOUNT_PAGES, ZOHO_OTHER_PAGES } from './zoho.cases.ts';

/** Each CRM's detector with its URL tables: [url, expected id] account pages, and other pages. */
const TABLES: ReadonlyArray<{
  detector: CrmDetector;
  accountPages: ReadonlyArray<readonly [string, string]>;
  otherPages: readonly string[];
}> = [
  { detector: salesforce, accountPages: SALESFORCE_ACCOUNT_PAGES, otherPages: SALESFORCE_OTHER_PAGES },
  { detector: hubspot, accountPages: HUBSPOT_COMPANY_PAGES, otherPages: HUBSPOT_OTHER_PAGES },
  { detector: dynamics, accountPages: DYNAMICS_ACCOUNT_PAGES, otherPages: DYNAMICS_OTHER_PAGES },
  { detector: pipedrive, accountPages: PIPEDRIVE_ORGANIZATION_PAGES, otherPages: PIPEDRIVE_OTHER_PAGES },
  { detector: zoho, accountPages: ZOHO_ACCOUNT_PAGES, otherPages: ZOHO_OTHER_PAGES },
  { detector: attio, accountPages: ATTIO_COMPANY_PAGES, otherPages: ATTIO_OTHER_PAGES },
  { detector: close, accountPages: CLOSE_LEAD_PAGES, otherPages: CLOSE_OTHER_PAGES },
  { detector: copper, accountPages: COPPER_COMPANY_PAGES, otherPages: COPPER_OTHER_PAGES },
  { detector: freshsales, accountPages: FRESHSALES_ACCOUNT_PAGES, otherPages: FRESHSALES_OTHER_PAGES },
];

const ACCOUNT_PAGES = TABLES.flatMap(({ detector, accountPages }) =>
  accountPages.map(([url, recordId]) => [url, { crm: detector.crm, recordId }] as const),
);

/** Chrome match-pattern host semantics for the only forms we use: `*.domain` and an exact host. */
function patternCoversHost(pattern: string, hostname: string): boolean {
  const host = patternHost(pattern);
  if (!host.startsWith('*.')) return host === hostname;
  const domain = host.slice(2);
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

function patternHost(pattern: string): string {
  return /^https:\/\/([^/]+)\/\*$/.exec(pattern)?.[1] ?? '';
}

describe('detectAccountPage', () => {
  test('covers every CRM the schema names, each once', () => {
    expect(TABLES.map(({ detector }) => detector.crm).sort()).toEqual(
      [
        'attio',
        'close',
        'copper',
        'dynamics',
        'freshsales',
        'hubspot',
        'pipedrive',
        'salesforce',
        'zoho',
      ].sort(),
    );
  });

  test.each(ACCOUNT_PAGES)('%s', (url, expected) => {
    expect(detectAccountPage(url)).toEqual(expected);
  });

  test.each(TABLES.flatMap(({ otherPages }) => otherPages))('%s -> null', (url) => {
    expect(detectAccountPage(url)).toBeNull();
  });

  test.each([
    '',
    'not a url',
    '/lightning/r/Account/001D000000Jwj9vIAB/view',
    `http://acme.lightning.force.com/lightning/r/Account/${ID_18}/view`,
    'http://app.hubspot.com/contacts/6798828/record/0-2/2640917901',
    'http://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=a8a19cdd-88df-e311-b8e5-6c3be5a8b200',
    'http://acme.pipedrive.com/organization/2045',
    'http://crm.zoho.com/crm/org60043078423/tab/Accounts/346103000146134135',
    `file:///home/me/acme.lightning.force.com/lightning/r/Account/${ID_18}/view`,
    `javascript:alert('https://acme.lightning.force.com/lightning/r/Account/${ID_18}/view')`,
    `chrome-extension://abc/lightning/r/Account/${ID_18}/view`,
  ])('%j is not an https CRM page -> null', (url) => {
    expect(detectAccountPage(url)).toBeNull();
  });

  test.each(TABLES.map(({ detector }) => [detector.crm, detector] as const))(
    'no other CRM URL in the tables is taken by the %s detector',
    (_crm, detector) => {
      const othersUrls = TABLES.filter((table) => table.detector !== detector).flatMap(
        ({ accountPages, otherPages }) => [...accountPages.map(([url]) => url), ...otherPages],
      );
      const taken = othersUrls.filter((url) => {
        const parsed = new URL(url);
        return detector.hostMatches(parsed.hostname) || detector.detect(parsed) !== null;
      });
      expect(taken).toEqual([]);
    },
  );
});

describe('CRM_HOST_PATTERNS', () => {
  test('are https Chrome match patterns with a host wildcard only as a leading label', () => {
    expect(CRM_HOST_PATTERNS.length).toBeGreaterThan(0);
    for (const pattern of CRM_HOST_PATTERNS) {
      expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
    }
  });

  test('are listed once each', () => {
    expect(new Set(CRM_HOST_PATTERNS).size).toBe(CRM_HOST_PATTERNS.length);
  });

  test.each(ACCOUNT_PAGES)('the content script runs on %s', (url) => {
    const { hostname } = new URL(url);
    expect(CRM_HOST_PATTERNS.some((pattern) => patternCoversHost(pattern, hostname))).toBe(true);
  });

  test.each(TABLES.map(({ detector }) => [detector.crm, detector] as const))(
    'the %s patterns claim no host another detector claims',
    (_crm, detector) => {
      const others = TABLES.filter((table) => table.detector !== detector).flatMap(
        (table) => table.detector.hostPatterns,
      );
      const overlapping = detector.hostPatterns.filter((own) =>
        others.some(
          (other) =>
            patternCoversHost(own, patternHost(other).replace(/^\*\./, '')) ||
            patternCoversHost(other, patternHost(own).replace(/^\*\./, '')),
        ),
      );
      expect(overlapping).toEqual([]);
    },
  );

  test.each(TABLES.map(({ detector }) => [detector.crm, detector] as const))(
    'every exact host in the %s patterns is one its detector owns',
    (_crm, detector) => {
      const exactHosts = detector.hostPatterns.map(patternHost).filter((host) => !host.startsWith('*.'));
      expect(exactHosts.filter((host) => !detector.hostMatches(host))).toEqual([]);
    },
  );
});
