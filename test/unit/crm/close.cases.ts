// Close URL shapes (lead links built from the API's lead ids in public code), shared by the Close, registry and
// cross-CRM tests.
const LEAD = 'lead_IIDHIStmFDXpr1GR4S7dp9Qzy6Y48tF9T8PL2s2TKUr';

/** [url, expected lead id] */
export const CLOSE_LEAD_PAGES: ReadonlyArray<readonly [string, string]> = [
  [`https://app.close.com/lead/${LEAD}/`, LEAD],
  [`https://app.close.com/lead/${LEAD}`, LEAD],
  [`https://app.close.com/lead/${LEAD}/?contact=cont_2ljHtXbzBaTrz8NBtnN5ECc0aIfcKGfBJqhEnB2rOjE`, LEAD],
  [`https://app.close.com/lead/${LEAD}/#activity`, LEAD],
  ['https://app.close.com/lead/lead_1/', 'lead_1'],
];

export const CLOSE_OTHER_PAGES: readonly string[] = [
  // contacts, opportunities
  'https://app.close.com/contact/cont_2ljHtXbzBaTrz8NBtnN5ECc0aIfcKGfBJqhEnB2rOjE/',
  'https://app.close.com/contacts/cont_2ljHtXbzBaTrz8NBtnN5ECc0aIfcKGfBJqhEnB2rOjE/',
  'https://app.close.com/opportunities/',
  'https://app.close.com/opportunity/oppo_8eB77gAdf8FMy6GsNHEy84f7uoeEWv55slvUjKQZpJt/',
  // lead lists and smart views
  'https://app.close.com/leads/',
  'https://app.close.com/leads/save_vSNvWdZP7NWNkQ0vNKMy1mtCEoyaycVXti3YLvT9p21/',
  'https://app.close.com/leads/share/share_4jox5iEjXz40Uzl9IJZjkH/',
  `https://app.close.com/leads/${LEAD}/`,
  'https://app.close.com/lead/',
  // inbox, reports, settings
  'https://app.close.com/inbox/',
  'https://app.close.com/reports/activity/',
  'https://app.close.com/settings/profile/',
  // malformed ids, other objects' ids under /lead/
  'https://app.close.com/lead/cont_2ljHtXbzBaTrz8NBtnN5ECc0aIfcKGfBJqhEnB2rOjE/',
  'https://app.close.com/lead/lead_/',
  'https://app.close.com/lead/acme/',
  `https://app.close.com/lead/${LEAD}-x/`,
  `https://app.close.com/lead/${LEAD}/edit/`,
  // other Close hosts and look-alikes
  `https://api.close.com/lead/${LEAD}/`,
  `https://close.com/lead/${LEAD}/`,
  `https://www.close.com/lead/${LEAD}/`,
  `https://app.close.com.evil.com/lead/${LEAD}/`,
  `https://app.close.io/lead/${LEAD}/`,
  `https://evil.com/lead/${LEAD}/`,
];
