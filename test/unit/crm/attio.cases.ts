// Attio URL shapes (the API's `web_url` and record links in public code), shared by the Attio, registry and
// cross-CRM tests.
const RECORD = 'bf071e1f-6035-429d-b874-d83ea64ea13b';
const PERSON = '5e3fb280-007b-495a-a530-9354bde01de1';

/** [url, expected company record id] */
export const ATTIO_COMPANY_PAGES: ReadonlyArray<readonly [string, string]> = [
  [`https://app.attio.com/salarya/company/${RECORD}`, RECORD],
  [`https://app.attio.com/salarya/company/${RECORD}/`, RECORD],
  [`https://app.attio.com/greenwich-barrow/company/${RECORD}`, RECORD],
  [`https://app.attio.com/angelinvest/company/${RECORD}/overview`, RECORD],
  [`https://app.attio.com/textql-data/company/${RECORD}/activity`, RECORD],
  [`https://app.attio.com/acme/company/${RECORD}/notes?modal=note`, RECORD],
  [`https://app.attio.com/acme2/company/${RECORD}#emails`, RECORD],
];

export const ATTIO_OTHER_PAGES: readonly string[] = [
  // people, deals, custom objects
  `https://app.attio.com/salarya/person/${PERSON}`,
  `https://app.attio.com/salarya/person/${PERSON}/overview`,
  `https://app.attio.com/textql-data/deals/${RECORD}/overview`,
  `https://app.attio.com/acme/workspaces/${RECORD}`,
  // lists, views, notes, settings
  'https://app.attio.com/acme/companies',
  `https://app.attio.com/acme/companies/view/${RECORD}`,
  `https://app.attio.com/acme/companies/${RECORD}`,
  'https://app.attio.com/lists/lst_abc123',
  `https://app.attio.com/acme/lists/${RECORD}`,
  `https://app.attio.com/acme/note/${RECORD}`,
  'https://app.attio.com/acme/settings/members',
  'https://app.attio.com/acme/company',
  // deeper than a record tab
  `https://app.attio.com/acme/company/${RECORD}/overview/extra`,
  `https://app.attio.com/acme/company/${RECORD}/Overview2`,
  // malformed ids and workspaces
  'https://app.attio.com/acme/company/acme-corp',
  `https://app.attio.com/acme/company/${RECORD.slice(0, -1)}`,
  `https://app.attio.com/acme/company/${RECORD}0`,
  `https://app.attio.com/Acme%20Corp/company/${RECORD}`,
  `https://app.attio.com/company/${RECORD}`,
  // other Attio hosts and look-alikes
  `https://api.attio.com/acme/company/${RECORD}`,
  `https://attio.com/acme/company/${RECORD}`,
  `https://www.attio.com/acme/company/${RECORD}`,
  `https://app.attio.com.evil.com/acme/company/${RECORD}`,
  `https://app.attio.co/acme/company/${RECORD}`,
  `https://evil.com/acme/company/${RECORD}`,
];
