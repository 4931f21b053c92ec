// Pipedrive URL shapes (company-domain record links), shared by the Pipedrive, registry and cross-CRM tests.
const ORG = '2045';

/** [url, expected organization id] */
export const PIPEDRIVE_ORGANIZATION_PAGES: ReadonlyArray<readonly [string, string]> = [
  [`https://acme.pipedrive.com/organization/${ORG}`, ORG],
  [`https://acme.pipedrive.com/organization/${ORG}/`, ORG],
  [`https://acme.pipedrive.com/organization/${ORG}?tab=notes`, ORG],
  [`https://ACME.pipedrive.com/organization/3?tab=notes#x`, '3'],
  [`https://acme-sales-eu.pipedrive.com/organization/36011`, '36011'],
  [`https://app.pipedrive.com/organization/${ORG}`, ORG],
];

export const PIPEDRIVE_OTHER_PAGES: readonly string[] = [
  // people, deals, leads, activities
  'https://acme.pipedrive.com/person/1234',
  'https://acme.pipedrive.com/deal/42',
  'https://acme.pipedrive.com/leads/inbox',
  'https://acme.pipedrive.com/leads/inbox/6a1e0b3c-6a4e-11ee-8c99-0242ac120002',
  'https://acme.pipedrive.com/activities/list',
  'https://acme.pipedrive.com/pipeline/1/user/everyone',
  // organization lists and actions
  'https://acme.pipedrive.com/organizations',
  'https://acme.pipedrive.com/organizations/list',
  'https://acme.pipedrive.com/organizations/list/filter/12',
  `https://acme.pipedrive.com/organizations/${ORG}`,
  'https://acme.pipedrive.com/organization',
  `https://acme.pipedrive.com/organization/${ORG}/edit`,
  // settings, insights
  'https://acme.pipedrive.com/settings/personal',
  'https://acme.pipedrive.com/settings/fields?type=ORGANIZATION',
  'https://acme.pipedrive.com/progress/insights/dashboard/1',
  // malformed ids
  'https://acme.pipedrive.com/organization/acme',
  `https://acme.pipedrive.com/organization/${ORG}x`,
  `https://acme.pipedrive.com/organization/-${ORG}`,
  // look-alike hosts
  `https://pipedrive.com/organization/${ORG}`,
  `https://a.acme.pipedrive.com/organization/${ORG}`,
  `https://acme.pipedrive.com.evil.com/organization/${ORG}`,
  `https://evilpipedrive.com/organization/${ORG}`,
  `https://acme.pipedrive.co/organization/${ORG}`,
  `https://evil.com/organization/${ORG}`,
];
