// HubSpot URL shapes (HubSpot knowledge-base record URLs), shared by the HubSpot, registry and cross-CRM tests.
const PORTAL = '6798828';
const COMPANY = '2640917901';

/** [url, expected company id] */
export const HUBSPOT_COMPANY_PAGES: ReadonlyArray<readonly [string, string]> = [
  [`https://app.hubspot.com/contacts/${PORTAL}/record/0-2/${COMPANY}`, COMPANY],
  [`https://app.hubspot.com/contacts/${PORTAL}/record/0-2/${COMPANY}/`, COMPANY],
  [`https://app.hubspot.com/contacts/${PORTAL}/record/0-2/${COMPANY}/view/1`, COMPANY],
  [`https://app.hubspot.com/contacts/${PORTAL}/record/0-2/${COMPANY}/view/2?interaction=note`, COMPANY],
  [
    `https://app.hubspot.com/contacts/${PORTAL}/record/0-2/${COMPANY}?eschref=%2Fcontacts%2F${PORTAL}`,
    COMPANY,
  ],
  [`https://app.hubspot.com/contacts/${PORTAL}/record/0-2/${COMPANY}#activity`, COMPANY],
  ['https://app.hubspot.com/contacts/48628516/record/0-2/18342257121', '18342257121'],
  // regional data centres
  [`https://app-eu1.hubspot.com/contacts/143644884/record/0-2/${COMPANY}`, COMPANY],
  [`https://app-na2.hubspot.com/contacts/246777241/record/0-2/${COMPANY}/view/1`, COMPANY],
  [`https://app-ap1.hubspot.com/contacts/${PORTAL}/record/0-2/${COMPANY}`, COMPANY],
  // the older company URL
  [`https://app.hubspot.com/contacts/${PORTAL}/company/${COMPANY}`, COMPANY],
  [`https://app.hubspot.com/contacts/${PORTAL}/company/${COMPANY}/`, COMPANY],
  [`https://app-eu1.hubspot.com/contacts/${PORTAL}/company/${COMPANY}/?interaction=email`, COMPANY],
];

export const HUBSPOT_OTHER_PAGES: readonly string[] = [
  // other objects' records
  `https://app.hubspot.com/contacts/${PORTAL}/record/0-1/523828708059`,
  `https://app.hubspot.com/contacts/${PORTAL}/contact/523828708059`,
  `https://app.hubspot.com/contacts/${PORTAL}/record/0-3/${COMPANY}`,
  `https://app.hubspot.com/contacts/${PORTAL}/deal/${COMPANY}`,
  `https://app.hubspot.com/contacts/${PORTAL}/record/0-5/${COMPANY}`,
  `https://app.hubspot.com/contacts/${PORTAL}/ticket/${COMPANY}`,
  `https://app.hubspot.com/contacts/${PORTAL}/record/2-1234567/${COMPANY}`,
  `https://app.hubspot.com/contacts/${PORTAL}/record/0-20/${COMPANY}`,
  // lists and indexes
  `https://app.hubspot.com/contacts/${PORTAL}/objects/0-2/views/all/list`,
  `https://app.hubspot.com/contacts/${PORTAL}/companies`,
  `https://app.hubspot.com/contacts/${PORTAL}/companies/list/view/all/`,
  `https://app.hubspot.com/contacts/${PORTAL}/objects/0-1/views/all/list`,
  `https://app.hubspot.com/contacts/${PORTAL}/deals`,
  `https://app.hubspot.com/contacts/${PORTAL}/record/0-2`,
  `https://app.hubspot.com/contacts/${PORTAL}/record/0-2/`,
  `https://app.hubspot.com/contacts/${PORTAL}/company`,
  // reports, settings, marketing
  `https://app.hubspot.com/reports-dashboard/${PORTAL}/view/12345`,
  `https://app.hubspot.com/settings/${PORTAL}/objects/companies`,
  `https://app.hubspot.com/email/${PORTAL}/manage/state/all`,
  `https://app.hubspot.com/contacts/${PORTAL}/objectLists/28908/filters`,
  // malformed ids
  `https://app.hubspot.com/contacts/${PORTAL}/record/0-2/acme`,
  `https://app.hubspot.com/contacts/${PORTAL}/record/0-2/${COMPANY}x`,
  `https://app.hubspot.com/contacts/portal/record/0-2/${COMPANY}`,
  `https://app.hubspot.com/contacts/${PORTAL}/company/-${COMPANY}`,
  // other HubSpot hosts and look-alikes
  `https://api.hubspot.com/contacts/${PORTAL}/record/0-2/${COMPANY}`,
  `https://www.hubspot.com/contacts/${PORTAL}/record/0-2/${COMPANY}`,
  `https://knowledge.hubspot.com/contacts/${PORTAL}/record/0-2/${COMPANY}`,
  `https://app-eu.hubspot.com/contacts/${PORTAL}/record/0-2/${COMPANY}`,
  `https://hubspot.com/contacts/${PORTAL}/record/0-2/${COMPANY}`,
  `https://hubspot.com.evil.com/contacts/${PORTAL}/record/0-2/${COMPANY}`,
  `https://app.hubspot.com.evil.com/contacts/${PORTAL}/record/0-2/${COMPANY}`,
  `https://evil.com/contacts/${PORTAL}/record/0-2/${COMPANY}`,
  `https://app.hubspot.co/contacts/${PORTAL}/record/0-2/${COMPANY}`,
];
