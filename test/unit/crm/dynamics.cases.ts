// Dynamics 365 URL shapes (Microsoft's "open forms with a URL" docs and classic-client links), shared by the
// Dynamics, registry and cross-CRM tests.
const APP = 'appid=d8c2b9a5-4f6e-ec11-8943-000d3a8b1f2c';
const GUID = 'a8a19cdd-88df-e311-b8e5-6c3be5a8b200';
const GUID_UPPER = GUID.toUpperCase();
const CONTACT_GUID = '25a17064-1ae7-e611-80f4-e0071b661f01';

/** [url, expected lowercase GUID without braces] */
export const DYNAMICS_ACCOUNT_PAGES: ReadonlyArray<readonly [string, string]> = [
  // Unified Interface, any parameter order, with and without an app
  [`https://contoso.crm.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=account&id=${GUID}`, GUID],
  [`https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${GUID}`, GUID],
  [`https://contoso.crm.dynamics.com/main.aspx?etn=account&id=${GUID}&pagetype=entityrecord&${APP}`, GUID],
  [`https://contoso.crm.dynamics.com/main.aspx?id=${GUID}&etn=account&pagetype=entityrecord`, GUID],
  [
    `https://contoso.crm.dynamics.com/main.aspx?${APP}&forceUCI=1&pagetype=entityrecord&etn=account&id=${GUID}&formid=8448b78f-8f42-454e-8e2a-f8196b0419af`,
    GUID,
  ],
  [
    `https://contoso.crm.dynamics.com/main.aspx?${APP}&navbar=off&cmdbar=false&pagetype=entityrecord&etn=account&id=${GUID}`,
    GUID,
  ],
  // braces, encoded or not, and upper-case GUIDs
  [
    `https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=%7B${GUID_UPPER}%7D`,
    GUID,
  ],
  [`https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=%7b${GUID}%7d`, GUID],
  [`https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id={${GUID}}`, GUID],
  [`https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${GUID_UPPER}`, GUID],
  // names and values in another case (the server ignores it)
  [`https://contoso.crm.dynamics.com/main.aspx?pageType=EntityRecord&etn=Account&ID=${GUID}`, GUID],
  [`https://contoso.crm.dynamics.com/Main.aspx?pagetype=entityrecord&etn=account&id=${GUID}`, GUID],
  // regional hosts
  [`https://contoso.crm2.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=account&id=${GUID}`, GUID],
  [`https://contoso.crm4.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=account&id=${GUID}`, GUID],
  [`https://contoso-dev.crm11.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${GUID}`, GUID],
  [`https://org1a2b3c4d.crm21.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${GUID}`, GUID],
  // classic web client: object type code 1 instead of the table name
  [`https://contoso.crm.dynamics.com/main.aspx?etc=1&id=%7b${GUID}%7d&pagetype=entityrecord`, GUID],
  [
    `https://contoso.crm4.dynamics.com/main.aspx?etc=1&extraqs=&histKey=1&id=${GUID}&pagetype=entityrecord`,
    GUID,
  ],
  // older links name the table and the record without a page type: the form of that record opens
  [`https://contoso.crm.dynamics.com/main.aspx?etn=account&id=${GUID}`, GUID],
  [`https://contoso.crm.dynamics.com/main.aspx?etn=account&id=%7B${GUID_UPPER}%7D`, GUID],
  [`https://contoso.crm.dynamics.com/main.aspx?id=${GUID}&etn=ACCOUNT&newWindow=true`, GUID],
  [`https://contoso.crm4.dynamics.com/main.aspx?${APP}&ETN=Account&Id=${GUID}`, GUID],
];

export const DYNAMICS_OTHER_PAGES: readonly string[] = [
  // other tables' records
  `https://contoso.crm.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=contact&id=${CONTACT_GUID}`,
  `https://contoso.crm.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=opportunity&id=${GUID}`,
  `https://contoso.crm.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=lead&id=${GUID}`,
  `https://contoso.crm.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=new_accountplan&id=${GUID}`,
  `https://contoso.crm.dynamics.com/main.aspx?etc=2&id=%7b${CONTACT_GUID}%7d&pagetype=entityrecord`,
  `https://contoso.crm.dynamics.com/main.aspx?etc=10&id=%7b${GUID}%7d&pagetype=entityrecord`,
  // older links without a page type: other tables, no table name, no record
  `https://contoso.crm.dynamics.com/main.aspx?etn=contact&id=${CONTACT_GUID}`,
  `https://contoso.crm.dynamics.com/main.aspx?etn=accountleads&id=${GUID}`,
  `https://contoso.crm.dynamics.com/main.aspx?id=${GUID}`,
  `https://contoso.crm.dynamics.com/main.aspx?etc=1&id=${GUID}`,
  `https://contoso.crm.dynamics.com/main.aspx?etn=account`,
  `https://contoso.crm.dynamics.com/main.aspx?etn=account&id=${GUID}&pagetype=entitylist`,
  `https://contoso.crm.dynamics.com/main.aspx?etn=account&id=${GUID}&pagetype=`,
  // the table name wins over a contradicting type code
  `https://contoso.crm.dynamics.com/main.aspx?etn=contact&etc=1&id=${CONTACT_GUID}&pagetype=entityrecord`,
  // lists, dashboards, new-record forms, settings
  `https://contoso.crm.dynamics.com/main.aspx?${APP}&pagetype=entitylist&etn=account`,
  `https://contoso.crm.dynamics.com/main.aspx?${APP}&pagetype=entitylist&etn=account&viewid=00000000-0000-0000-00aa-000010001002&viewType=1039`,
  `https://contoso.crm.dynamics.com/main.aspx?${APP}&pagetype=dashboard&id=${GUID}&type=system`,
  `https://contoso.crm.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=account`,
  `https://contoso.crm.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=account&id=`,
  `https://contoso.crm.dynamics.com/main.aspx?${APP}&pagetype=webresource&webresourceName=new_account.html&id=${GUID}`,
  `https://contoso.crm.dynamics.com/main.aspx?settingsonly=true`,
  `https://contoso.crm.dynamics.com/main.aspx?${APP}`,
  `https://contoso.crm.dynamics.com/tools/AdminSecurity/adminsecurity_area.aspx`,
  `https://contoso.crm.dynamics.com/apps`,
  // missing or malformed ids
  `https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=acme`,
  `https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${GUID.slice(0, -1)}`,
  `https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${GUID}0`,
  `https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=%7B${GUID}`,
  `https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=a8a19cdd88dfe311b8e56c3be5a8b200`,
  `https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=00000000-0000-0000-0000-000000000000`,
  // the record path elsewhere than main.aspx
  `https://contoso.crm.dynamics.com/account/main.aspx?pagetype=entityrecord&etn=account&id=${GUID}`,
  `https://contoso.crm.dynamics.com/?pagetype=entityrecord&etn=account&id=${GUID}`,
  // other Dynamics hosts and look-alikes
  `https://contoso.api.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${GUID}`,
  `https://home.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${GUID}`,
  `https://crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${GUID}`,
  `https://contoso.crm123.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${GUID}`,
  `https://contoso.crmx.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${GUID}`,
  `https://a.contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${GUID}`,
  `https://contoso.crm.dynamics.com.evil.com/main.aspx?pagetype=entityrecord&etn=account&id=${GUID}`,
  `https://contoso.crm.dynamics.co/main.aspx?pagetype=entityrecord&etn=account&id=${GUID}`,
  `https://evil.com/main.aspx?pagetype=entityrecord&etn=account&id=${GUID}`,
];
