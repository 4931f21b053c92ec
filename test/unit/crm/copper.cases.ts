// Copper URL shapes (record links built in public Copper integrations), shared by the Copper, registry and
// cross-CRM tests. The path holds the Copper account; the fragment holds the record.
const APP = 'https://app.copper.com/companies/562111/app';
const COMPANY = '66190853';

/** [url, expected company id] */
export const COPPER_COMPANY_PAGES: ReadonlyArray<readonly [string, string]> = [
  [`${APP}#/organization/${COMPANY}`, COMPANY],
  [`${APP}#/organization/${COMPANY}/`, COMPANY],
  [`${APP}/#/organization/${COMPANY}`, COMPANY],
  [`${APP}#/organization/${COMPANY}?tab=activity`, COMPANY],
  [`https://app.copper.com/companies/190749/app#/organization/${COMPANY}`, COMPANY],
  // the record route after the page it was opened from
  [`${APP}#/browse/list/companies/default/organization/${COMPANY}`, COMPANY],
  // a company's full profile opened over a list
  [`${APP}#/browse/list/companies/default?fullProfile=companies-${COMPANY}`, COMPANY],
];

export const COPPER_OTHER_PAGES: readonly string[] = [
  // people, opportunities, leads
  `${APP}#/contact/${COMPANY}`,
  `${APP}#/deal/${COMPANY}`,
  `${APP}#/lead/${COMPANY}`,
  `${APP}#/browse/list/people/default?fullProfile=people-${COMPANY}`,
  // lists, boards, the side-panel preview, feed, settings
  `${APP}#/browse/list/companies/default`,
  `${APP}#/browse/list/companies/default?context=companies-${COMPANY}&preview=companies-${COMPANY}&tab=activity`,
  `${APP}#/browse/board/opportunities/default?pipeline=1084986`,
  `${APP}#/feed`,
  `${APP}#/settings/custom_fields`,
  `${APP}#/organization`,
  APP,
  'https://app.copper.com/companies/settings/custom_fields/12345',
  `https://app.copper.com/companies/${COMPANY}`,
  // malformed ids and misplaced routes
  `${APP}#/organization/acme`,
  `${APP}#/organization/${COMPANY}x`,
  `${APP}#/organization/${COMPANY}/activity`,
  `https://app.copper.com/companies/acme/app#/organization/${COMPANY}`,
  `https://app.copper.com/companies/562111/other#/organization/${COMPANY}`,
  `https://app.copper.com/companies/562111/app/extra#/organization/${COMPANY}`,
  `https://app.copper.com/app#/organization/${COMPANY}`,
  `https://app.copper.com/companies/562111/app?r=/organization/${COMPANY}`,
  // other Copper hosts and look-alikes
  `https://api.copper.com/companies/562111/app#/organization/${COMPANY}`,
  `https://www.copper.com/companies/562111/app#/organization/${COMPANY}`,
  `https://app.copper.com.evil.com/companies/562111/app#/organization/${COMPANY}`,
  `https://app.prosperworks.com/companies/562111/app#/organization/${COMPANY}`,
  `https://evil.com/companies/562111/app#/organization/${COMPANY}`,
];
