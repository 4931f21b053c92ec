// Salesforce URL shapes, shared by the Salesforce, registry and cross-CRM tests.
// Ids come from Salesforce docs and knowledge-base examples; ID_18 is each ID_15 with its checksum suffix.
export const ID_15 = '001D000000Jwj9v';
export const ID_18 = '001D000000Jwj9vIAB';
const SANDBOX_ID = '001Ae00000ZK0kaIAD';
const CONSOLE_ID = '0018000000cMIcyAAG';

/** [url, expected 18-char id] */
export const SALESFORCE_ACCOUNT_PAGES: ReadonlyArray<readonly [string, string]> = [
  // Lightning record page, 15- and 18-char ids, suffix case normalised
  [`https://acme.lightning.force.com/lightning/r/Account/${ID_18}/view`, ID_18],
  [`https://acme.lightning.force.com/lightning/r/Account/${ID_15}/view`, ID_18],
  [`https://acme.lightning.force.com/lightning/r/Account/001D000000Jwj9viab/view`, ID_18],
  [`https://acme.lightning.force.com/lightning/r/Account/${ID_18}/view/`, ID_18],
  [`https://acme.lightning.force.com/lightning/r/Account/${ID_18}/view?0.source=alohaHeader`, ID_18],
  [`https://acme.lightning.force.com/lightning/r/account/${ID_18}/view`, ID_18],
  ['https://acme.lightning.force.com/lightning/r/Account/001xx000003DGQXAA4/view', '001xx000003DGQXAA4'],
  ['https://acme.lightning.force.com/lightning/r/Account/001xx000003DI05/view', '001xx000003DI05AAG'],
  // the account's own related lists
  [`https://acme.lightning.force.com/lightning/r/Account/${ID_18}/related/Contacts/view`, ID_18],
  [`https://acme.lightning.force.com/lightning/r/Account/${ID_15}/related/Opportunities/view`, ID_18],
  [
    `https://acme.lightning.force.com/lightning/r/Account/${ID_18}/related/AccountContactRelations/view`,
    ID_18,
  ],
  // object name omitted: only the 001 key prefix says it is an account
  [`https://acme.lightning.force.com/lightning/r/${ID_18}/view`, ID_18],
  [`https://acme.lightning.force.com/lightning/r/${ID_15}/related/OpenActivities/view`, ID_18],
  // Lightning routes a record URL without its action to the record's view: links pasted from emails,
  // reports and integrations often end at the id, with or without a trailing slash
  [`https://acme.lightning.force.com/lightning/r/Account/${ID_18}`, ID_18],
  [`https://acme.lightning.force.com/lightning/r/Account/${ID_18}/`, ID_18],
  [`https://acme.lightning.force.com/lightning/r/account/${ID_15}`, ID_18],
  [`https://acme.lightning.force.com/lightning/r/${ID_18}`, ID_18],
  [`https://acme.lightning.force.com/lightning/r/${ID_15}/`, ID_18],
  [`https://acme.my.salesforce.com/lightning/r/Account/${ID_18}?0.source=alohaHeader`, ID_18],
  // enhanced-domain partitions and sandboxes
  [`https://acme--uat.sandbox.lightning.force.com/lightning/r/Account/${SANDBOX_ID}/view`, SANDBOX_ID],
  [`https://acme--fullcopy.sandbox.lightning.force.com/lightning/r/Account/${ID_15}/view`, ID_18],
  [`https://acme--uat.lightning.force.com/lightning/r/Account/${ID_18}/view`, ID_18],
  [`https://acme-dev-ed.develop.lightning.force.com/lightning/r/Account/${ID_18}/view`, ID_18],
  [`https://power-force-1234.scratch.lightning.force.com/lightning/r/Account/${ID_18}/view`, ID_18],
  [`https://acme.trailblaze.lightning.force.com/lightning/r/Account/${ID_18}/view`, ID_18],
  // Lightning paths on My Domain hosts
  [`https://acme.my.salesforce.com/lightning/r/Account/${ID_18}/view`, ID_18],
  [`https://acme--uat.sandbox.my.salesforce.com/lightning/r/Account/${ID_15}/view`, ID_18],
  // console: the focused tab (the path) is the account
  [
    `https://acme.lightning.force.com/lightning/r/Account/${CONSOLE_ID}/view?ws=%2Flightning%2Fr%2FCase%2F500D000000AbCdEIAV%2Fview`,
    CONSOLE_ID,
  ],
  [
    `https://acme.lightning.force.com/lightning/r/Account/${ID_18}/related/Orders/view?ws=%2Flightning%2Fr%2FAccount%2F${CONSOLE_ID}%2Fview`,
    ID_18,
  ],
  [
    `https://acme.lightning.force.com/lightning/r/Account/${ID_18}/view?ws=%2Flightning%2Fr%2FAccount%2F${CONSOLE_ID}%2Fview&ctabs=%2Flightning%2Fr%2FContact%2F003D000000Jwj9vIAB%2Fview&activectab=1`,
    ID_18,
  ],
  // pre-2018 Lightning (one.app)
  [`https://acme.lightning.force.com/one/one.app#/sObject/${ID_15}/view`, ID_18],
  [`https://acme.my.salesforce.com/one/one.app#/sObject/${ID_18}/view?a:t=1520000000000`, ID_18],
  [`https://acme.lightning.force.com/one/one.app#/sObject/${ID_18}`, ID_18],
  // Classic: the id is the whole path
  [`https://na1.salesforce.com/${ID_15}`, ID_18],
  [`https://eu12.salesforce.com/${ID_18}`, ID_18],
  [`https://cs42.salesforce.com/${ID_15}?noredirect=1`, ID_18],
  [`https://usa226s.salesforce.com/${ID_15}`, ID_18],
  [`https://acme.my.salesforce.com/${ID_15}`, ID_18],
  [`https://acme--uat.sandbox.my.salesforce.com/${SANDBOX_ID}`, SANDBOX_ID],
  [`https://acme--uat.cs42.my.salesforce.com/${ID_15}/`, ID_18],
];

export const SALESFORCE_OTHER_PAGES: readonly string[] = [
  // Lightning lists, object homes, new-record and edit actions
  'https://acme.lightning.force.com/lightning/o/Account/list',
  'https://acme.lightning.force.com/lightning/o/Account/list?filterName=Recent',
  'https://acme.lightning.force.com/lightning/o/Account/home',
  'https://acme.lightning.force.com/lightning/o/Account/new',
  `https://acme.lightning.force.com/lightning/r/Account/${ID_18}/edit`,
  `https://acme.lightning.force.com/lightning/r/Account/${ID_18}/related//view`,
  `https://acme.lightning.force.com/lightning/r/Account/${ID_18}/clone`,
  `https://acme.lightning.force.com/lightning/r/Account/${ID_18}/related/Contacts`,
  `https://acme.lightning.force.com/lightning/r/${ID_18}/edit`,
  'https://acme.lightning.force.com/lightning/r/Account/',
  'https://acme.lightning.force.com/lightning/r/',
  // other objects' records without the action, and an account id under another object's name
  'https://acme.lightning.force.com/lightning/r/Contact/003D000000Jwj9vIAB',
  'https://acme.lightning.force.com/lightning/r/003D000000Jwj9vIAB/',
  `https://acme.lightning.force.com/lightning/r/Opportunity/${ID_18}`,
  // other objects' records
  'https://acme.lightning.force.com/lightning/r/Contact/003D000000Jwj9vIAB/view',
  'https://acme.lightning.force.com/lightning/r/003D000000Jwj9vIAB/view',
  'https://acme.lightning.force.com/lightning/r/Opportunity/006Ae00000jc0l3IAA/view',
  'https://acme.lightning.force.com/lightning/r/Lead/00QD000000AbCdEMAV/view',
  'https://acme.lightning.force.com/lightning/r/Case/500D000000AbCdEIAV/view',
  'https://acme.lightning.force.com/lightning/r/Report/00OD000000AbCdEMAV/view',
  'https://acme.lightning.force.com/lightning/r/Dashboard/01ZD000000AbCdEMAV/view',
  'https://acme.lightning.force.com/lightning/o/Report/home',
  `https://acme.lightning.force.com/lightning/r/Contact/${ID_18}/view`,
  // console: the focused tab is not an account, even inside an account's workspace
  `https://mh--uat.sandbox.lightning.force.com/lightning/r/WorkOrder/0WO8H000001JC3oWAG/view?ws=%2Flightning%2Fr%2FAccount%2F${CONSOLE_ID}%2Fview`,
  `https://acme.lightning.force.com/lightning/r/Opportunity/006Ae00000jc0l3IAA/view?ws=%2Flightning%2Fr%2FAccount%2F${CONSOLE_ID}%2Fview`,
  'https://acme.lightning.force.com/lightning/r/Contact/003D000000Jwj9vIAB/view?ws=%2Flightning%2Fr%2FCase%2F500D000000AbCdEIAV%2Fview',
  'https://acme.lightning.force.com/lightning/o/Case/list?ws=%2Flightning%2Fo%2FAccount%2Flist',
  `https://acme.lightning.force.com/lightning/page/home?ws=https%3A%2F%2Fevil.com%2Flightning%2Fr%2FAccount%2F${ID_18}%2Fview`,
  // setup, home, apps, custom tabs and components
  'https://acme.lightning.force.com/lightning/setup/SetupOneHome/home',
  'https://acme.lightning.force.com/lightning/setup/ObjectManager/Account/Details/view',
  'https://acme.lightning.force.com/lightning/page/home',
  'https://acme.lightning.force.com/lightning/n/Account_Planner',
  `https://acme.lightning.force.com/lightning/cmp/c__accountPlanner?c__recordId=${ID_18}`,
  // wrong id length or characters
  'https://acme.lightning.force.com/lightning/r/Account/001D000000Jwj9/view',
  'https://acme.lightning.force.com/lightning/r/Account/001D000000Jwj9vI/view',
  'https://acme.lightning.force.com/lightning/r/Account/001D000000Jwj9vIABX/view',
  'https://acme.lightning.force.com/lightning/r/Account/001D000000Jwj9-IAB/view',
  'https://acme.lightning.force.com/lightning/r/Account/001D000000Jwj%20v/view',
  // one.app routes that are not an account record
  'https://acme.lightning.force.com/one/one.app#/sObject/003D000000Jwj9vIAB/view',
  'https://acme.lightning.force.com/one/one.app#/sObject/Account/home',
  'https://acme.lightning.force.com/one/one.app',
  // Classic tabs, new/edit pages, setup, other objects
  'https://na1.salesforce.com/001/o',
  'https://na1.salesforce.com/001/e',
  'https://na1.salesforce.com/001/e?retURL=%2F001%2Fo',
  `https://na1.salesforce.com/${ID_15}/e`,
  'https://na1.salesforce.com/setup/forcecomHomepage.apexp',
  'https://na1.salesforce.com/home/home.jsp',
  'https://na1.salesforce.com/003D000000Jwj9v',
  'https://na1.salesforce.com/00OD000000AbCdE',
  `https://acme.my.salesforce.com/apex/AccountPlan?id=${ID_18}`,
  'https://acme.my.salesforce.com/',
  // Salesforce hosts that are not an org, and Salesforce domains we do not run on
  `https://login.salesforce.com/${ID_15}`,
  `https://help.salesforce.com/${ID_15}`,
  `https://www.salesforce.com/${ID_15}`,
  `https://salesforce.com/${ID_15}`,
  `https://acme--c.vf.force.com/${ID_15}`,
  `https://acme.my.site.com/s/account/${ID_18}/acme`,
  // look-alike hosts
  `https://evil.com/lightning/r/Account/${ID_18}/view`,
  `https://evil.com/force.com/lightning/r/Account/${ID_18}/view`,
  `https://lightning.force.com.evil.com/lightning/r/Account/${ID_18}/view`,
  `https://acme.lightning.force.com.evil.com/lightning/r/Account/${ID_18}/view`,
  `https://evillightning.force.com/lightning/r/Account/${ID_18}/view`,
  `https://acme.my.salesforce.com.evil.com/${ID_15}`,
  `https://na1.salesforce.com.evil.com/${ID_15}`,
  `https://evil-salesforce.com/${ID_15}`,
];
