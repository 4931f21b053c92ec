/**
 * Headers that CRM exports and spreadsheets use for each collection's columns, most preferred first:
 * when a file has two of them (HubSpot's "Company Domain Name" and "Website URL"), the first wins and
 * the other is listed as ignored. A column's own name (`name`, `attr.arr`, `crm.salesforce`) is always
 * recognised, so an export maps back unchanged.
 *
 * Salesforce report exports label columns by field label ("Account ID", "Account Name", "Account
 * Owner", "Annual Revenue", "Employees", "Billing Country"); HubSpot companies exports by property
 * label ("Record ID", "Company name", "Company owner", "Company Domain Name", "Number of Employees").
 *
 * A CRM's "Annual Revenue" and "Employees" describe the customer's own company, not what it buys:
 * they become `attr.annualRevenue` and `attr.employees`, never `attr.arr` or `attr.seats`, so tier
 * rules on ARR are not silently fed a company's turnover. Map them with `map` if your org keeps ARR there.
 */
export const HEADER_ALIASES: Record<string, Record<string, readonly string[]>> = {
  accounts: {
    name: ['Account Name', 'Company name', 'Company', 'Account', 'Name'],
    domain: ['Company Domain Name', 'Domain', 'Domain Name', 'Website', 'Website URL', 'Web Site'],
    'crm.salesforce': [
      'Account ID',
      'Salesforce ID',
      'Salesforce Account ID',
      'SFDC ID',
      '18 Digit Account ID',
    ],
    'crm.hubspot': ['Record ID', 'Company ID', 'HubSpot ID', 'HubSpot Company ID'],
    ownerId: ['Owner Email', 'Account Owner Email', 'Account Owner', 'Company owner', 'Owner'],
    tierId: ['Tier', 'Tier ID', 'Tier Name'],
    crmTier: ['CRM Tier', 'Customer Tier', 'Account Tier'],
    renewalDate: ['Renewal Date', 'Renewal', 'Contract End Date'],
    'attr.arr': ['ARR', 'Annual Recurring Revenue', 'ARR (USD)'],
    'attr.seats': ['Seats', 'Licenses', 'Licensed Seats', 'Number of Seats'],
    'attr.segment': ['Segment', 'Customer Segment'],
    'attr.plan': ['Plan', 'Subscription Plan', 'Product Plan'],
    'attr.annualRevenue': ['Annual Revenue'],
    'attr.employees': ['Employees', 'Number of Employees'],
    'attr.industry': ['Industry'],
    'attr.type': ['Type', 'Account Type'],
    'attr.country': ['Billing Country', 'Country/Region', 'Country'],
  },
  users: {
    name: ['Full Name', 'Name'],
    email: ['Email', 'Email Address', 'E-mail'],
    role: ['Role'],
    teamId: ['Team', 'Team ID'],
  },
  teams: {
    id: ['Team ID'],
    name: ['Team Name', 'Team', 'Name'],
  },
  tiers: {
    name: ['Tier Name', 'Name'],
  },
  objectives: {
    title: ['Objective', 'Title', 'Name'],
    parentId: ['Parent', 'Parent ID', 'Parent Objective'],
    ownerId: ['Owner Email', 'Owner'],
    periodStart: ['Period Start', 'Start Date', 'Start'],
    periodEnd: ['Period End', 'End Date', 'End'],
  },
  keyResults: {
    objectiveId: ['Objective ID', 'Objective'],
    title: ['Key Result', 'Title', 'Name'],
    current: ['Current', 'Current Value', 'Value'],
    ownerId: ['Owner Email', 'Owner'],
    dueDate: ['Due Date', 'Due'],
    'scope.accountIds': ['Accounts', 'Account IDs'],
    'scope.tierIds': ['Tiers', 'Tier IDs'],
    asOf: ['As Of', 'Measured At'],
  },
  metricDefinitions: {
    key: ['Metric Key', 'Metric'],
    label: ['Label', 'Name'],
  },
  metrics: {
    accountId: ['Account'],
    key: ['Metric Key', 'Metric'],
    value: ['Value'],
    asOf: ['As Of', 'Date'],
  },
};
