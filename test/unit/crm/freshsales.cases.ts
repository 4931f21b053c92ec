// Freshsales URL shapes (record links in public code and Freshworks help pages), shared by the Freshsales,
// registry and cross-CRM tests.
const ACCOUNT = '70005325198';

/** [url, expected account id] */
export const FRESHSALES_ACCOUNT_PAGES: ReadonlyArray<readonly [string, string]> = [
  // Freshworks suite
  [`https://acme.myfreshworks.com/crm/sales/accounts/${ACCOUNT}`, ACCOUNT],
  [`https://acme.myfreshworks.com/crm/sales/accounts/${ACCOUNT}/`, ACCOUNT],
  [`https://acme.myfreshworks.com/crm/sales/accounts/${ACCOUNT}?tab=activities`, ACCOUNT],
  ['https://hmadv-org.myfreshworks.com/crm/sales/accounts/402000123456', '402000123456'],
  // standalone Freshsales
  [`https://acme.freshsales.io/accounts/${ACCOUNT}`, ACCOUNT],
  [`https://acme-eu.freshsales.io/accounts/${ACCOUNT}/`, ACCOUNT],
];

export const FRESHSALES_OTHER_PAGES: readonly string[] = [
  // contacts, deals, other products in the suite
  `https://acme.myfreshworks.com/crm/sales/contacts/${ACCOUNT}`,
  `https://acme.myfreshworks.com/crm/sales/deals/${ACCOUNT}`,
  `https://acme.myfreshworks.com/crm/sales/leads/${ACCOUNT}`,
  `https://acme.myfreshworks.com/crm/marketing/accounts/${ACCOUNT}`,
  `https://acme.freshsales.io/contacts/${ACCOUNT}`,
  `https://acme.freshsales.io/deals/${ACCOUNT}`,
  // lists and views
  'https://acme.myfreshworks.com/crm/sales/accounts',
  'https://acme.myfreshworks.com/crm/sales/accounts/view/402015942758',
  'https://churn360.myfreshworks.com/crm/sales/accounts/view/70005325198?per_page=25',
  'https://acme.myfreshworks.com/crm/sales/contacts/view/402015942750',
  'https://acme.freshsales.io/accounts/view/402015942758',
  `https://acme.myfreshworks.com/crm/sales/accounts/${ACCOUNT}/edit`,
  // home, settings, reports
  'https://acme.myfreshworks.com/crm/sales/',
  'https://acme.myfreshworks.com/crm/sales/settings/accounts',
  'https://acme.myfreshworks.com/crm/sales/reports/1',
  // malformed ids, paths of the other host kind
  'https://acme.myfreshworks.com/crm/sales/accounts/acme',
  `https://acme.myfreshworks.com/crm/sales/accounts/${ACCOUNT}x`,
  `https://acme.myfreshworks.com/accounts/${ACCOUNT}`,
  `https://acme.myfreshworks.com/sales/accounts/${ACCOUNT}`,
  `https://acme.freshsales.io/crm/sales/accounts/${ACCOUNT}`,
  // other Freshworks hosts and look-alikes
  `https://acme.freshdesk.com/crm/sales/accounts/${ACCOUNT}`,
  `https://myfreshworks.com/crm/sales/accounts/${ACCOUNT}`,
  `https://freshsales.io/accounts/${ACCOUNT}`,
  `https://a.acme.myfreshworks.com/crm/sales/accounts/${ACCOUNT}`,
  `https://acme.myfreshworks.com.evil.com/crm/sales/accounts/${ACCOUNT}`,
  `https://acme.freshsales.io.evil.com/accounts/${ACCOUNT}`,
  `https://evil.com/crm/sales/accounts/${ACCOUNT}`,
];
