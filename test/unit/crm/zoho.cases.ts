// Zoho CRM URL shapes (Zoho help pages and record links in public code), shared by the Zoho, registry and
// cross-CRM tests. Record ids are the long numeric ids Zoho gives every record.
const ORG = 'org60043078423';
const ID = '346103000146134135';
const CANVAS = '76775000000287551';

/** [url, expected account id] */
export const ZOHO_ACCOUNT_PAGES: ReadonlyArray<readonly [string, string]> = [
  // standalone CRM, every data centre
  [`https://crm.zoho.com/crm/${ORG}/tab/Accounts/${ID}`, ID],
  [`https://crm.zoho.eu/crm/org20098805637/tab/Accounts/${ID}`, ID],
  [`https://crm.zoho.in/crm/${ORG}/tab/Accounts/${ID}`, ID],
  [`https://crm.zoho.com.au/crm/org7002802215/tab/Accounts/${ID}`, ID],
  [`https://crm.zoho.jp/crm/org90001605376/tab/Accounts/${ID}`, ID],
  [`https://crm.zoho.com.cn/crm/${ORG}/tab/Accounts/${ID}`, ID],
  [`https://crm.zohocloud.ca/crm/org110000402423/tab/Accounts/${ID}`, ID],
  [`https://crm.zoho.ca/crm/${ORG}/tab/Accounts/${ID}`, ID],
  [`https://crm.zoho.sa/crm/${ORG}/tab/Accounts/${ID}`, ID],
  [`https://crm.zoho.uk/crm/${ORG}/tab/Accounts/${ID}`, ID],
  [`https://crm.zoho.ae/crm/${ORG}/tab/Accounts/${ID}`, ID],
  // trailing slash, query, canvas layout
  [`https://crm.zoho.com/crm/${ORG}/tab/Accounts/${ID}/`, ID],
  [`https://crm.zoho.com/crm/${ORG}/tab/Accounts/${ID}?sub_module=Contacts`, ID],
  [`https://crm.zoho.com/crm/${ORG}/tab/Accounts/${ID}/canvas/${CANVAS}`, ID],
  // without the org segment, and with an admin-chosen access URL instead of org<id>
  [`https://crm.zoho.com/crm/tab/Accounts/${ID}`, ID],
  [`https://crm.zoho.eu/crm/tab/Accounts/${ID}`, ID],
  [`https://crm.zoho.com/crm/acmecorp/tab/Accounts/${ID}`, ID],
  // sandbox
  [`https://crmsandbox.zoho.com/crm/zohoplayground/tab/Accounts/${ID}`, ID],
  [`https://crmsandbox.zoho.eu/crm/${ORG}/tab/Accounts/${ID}`, ID],
  // Zoho One
  [`https://one.zoho.com/zohoone/zestyio/home/cxapp/crm/org749642405/tab/Accounts/${ID}`, ID],
  [`https://one.zoho.eu/zohoone/acme/home/cxapp/crm/${ORG}/tab/Accounts/${ID}`, ID],
  [`https://one.zoho.com/zohoone/acme/home/cxapp/crm/tab/Accounts/${ID}`, ID],
  [
    `https://one.zoho.com/zohoone/exponentstudios/home/cxapp-spaces/sales/crm/org899488274/tab/Accounts/${ID}`,
    ID,
  ],
  // CRM Plus
  [`https://crmplus.zoho.com/realestate2326/index.do/cxapp/crm/org768815691/tab/Accounts/${ID}`, ID],
  [`https://crmplus.zoho.in/acme/index.do/cxapp/crm/${ORG}/tab/Accounts/${ID}/canvas/${CANVAS}`, ID],
];

export const ZOHO_OTHER_PAGES: readonly string[] = [
  // other modules' records (Deals are Potentials in URLs)
  `https://crm.zoho.com/crm/${ORG}/tab/Contacts/${ID}`,
  `https://crm.zoho.com/crm/${ORG}/tab/Potentials/${ID}`,
  `https://crm.zoho.com/crm/${ORG}/tab/Deals/${ID}`,
  `https://crm.zoho.com/crm/${ORG}/tab/Leads/${ID}`,
  `https://crm.zoho.com/crm/${ORG}/tab/CustomModule5002/${ID}`,
  `https://crm.zoho.com/crm/${ORG}/tab/Contacts/${ID}/canvas/${CANVAS}`,
  `https://one.zoho.com/zohoone/acme/home/cxapp/crm/${ORG}/tab/Potentials/${ID}`,
  `https://crmplus.zoho.com/acme/index.do/cxapp/crm/${ORG}/tab/Leads/${ID}`,
  // Accounts lists, views, create, search, actions
  `https://crm.zoho.com/crm/${ORG}/tab/Accounts`,
  `https://crm.zoho.com/crm/${ORG}/tab/Accounts/`,
  `https://crm.zoho.in/crm/${ORG}/tab/Accounts/custom-view/955332000000441417/list`,
  `https://crm.zoho.eu/crm/org20062984123/tab/Accounts/custom-view/56223000004156120/list?page=6&per_page=100`,
  `https://crm.zoho.com/crm/${ORG}/tab/Accounts/create`,
  `https://crm.zoho.eu/crm/tab/Accounts/create`,
  `https://crm.zoho.com.au/crm/org7004248892/tab/Accounts/search/acme`,
  `https://crm.zoho.com/crm/${ORG}/tab/Accounts/actions/approvals`,
  `https://crm.zoho.com/crm/${ORG}/tab/Accounts/custom-views/create`,
  `https://crm.zoho.com/crm/${ORG}/tab/Accounts/${ID}/edit`,
  `https://crm.zoho.com/crm/${ORG}/tab/Accounts/${ID}/canvas`,
  `https://crm.zoho.com/crm/${ORG}/tab/Accounts/${ID}/canvas/${CANVAS}/edit`,
  // home, settings, calendar
  `https://crm.zoho.com/crm/${ORG}/tab/Home/begin`,
  `https://crm.zoho.in/crm/${ORG}/settings/roles`,
  `https://crm.zoho.in/crm/${ORG}/settings/import?module=Accounts&step=1`,
  `https://crmplus.zoho.in/acme/index.do/cxapp/crm/${ORG}/settings/connected-workflow`,
  `https://crm.zoho.com/crm/${ORG}/calendar?date=26-02-2026&viewType=day`,
  `https://crm.zoho.com/crm/WebToLeadForm`,
  // malformed ids and misplaced routes
  `https://crm.zoho.com/crm/${ORG}/tab/Accounts/${ID}x`,
  `https://crm.zoho.com/crm/${ORG}/tab/Accounts/-${ID}`,
  `https://crm.zoho.com/crm/org-1/tab/Accounts/${ID}`,
  `https://crm.zoho.com/${ORG}/tab/Accounts/${ID}`,
  `https://crm.zoho.com/crm/${ORG}/extra/tab/Accounts/${ID}`,
  `https://one.zoho.com/zohoone/acme/home/cxapp/people/zpeoplehr/tab/Accounts/${ID}`,
  `https://one.zoho.com/zohoone/acme/cxapp/crm/${ORG}/tab/Accounts/${ID}`,
  `https://one.zoho.com/crm/${ORG}/tab/Accounts/${ID}`,
  `https://crmplus.zoho.com/acme/cxapp/crm/${ORG}/tab/Accounts/${ID}`,
  `https://crm.zoho.com/zohoone/acme/home/cxapp/crm/${ORG}/tab/Accounts/${ID}`,
  // other Zoho apps and look-alike hosts
  `https://mail.zoho.com/crm/${ORG}/tab/Accounts/${ID}`,
  `https://books.zoho.eu/crm/${ORG}/tab/Accounts/${ID}`,
  `https://www.zohoapis.com/crm/${ORG}/tab/Accounts/${ID}`,
  `https://zoho.com/crm/${ORG}/tab/Accounts/${ID}`,
  `https://crm.zoho.de/crm/${ORG}/tab/Accounts/${ID}`,
  `https://crm.zoho.com.evil.com/crm/${ORG}/tab/Accounts/${ID}`,
  `https://crm.evilzoho.com/crm/${ORG}/tab/Accounts/${ID}`,
  `https://a.crm.zoho.com/crm/${ORG}/tab/Accounts/${ID}`,
  `https://evil.com/crm/${ORG}/tab/Accounts/${ID}`,
];
