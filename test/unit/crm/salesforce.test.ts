import { describe, expect, test } from 'vitest';
import { salesforce } from '../../../lib/crm/salesforce.ts';
import { ID_15, ID_18, SALESFORCE_ACCOUNT_PAGES, SALESFORCE_OTHER_PAGES } from './salesforce.cases.ts';

/** What the registry does for this CRM: the detector runs only on hosts it owns. */
function detect(href: string): string | null {
  const url = new URL(href);
  return salesforce.hostMatches(url.hostname) ? salesforce.detect(url) : null;
}

describe('salesforce account pages', () => {
  test.each(SALESFORCE_ACCOUNT_PAGES)('%s -> %s', (url, id) => {
    expect(detect(url)).toBe(id);
  });

  test.each(SALESFORCE_OTHER_PAGES)('%s -> null', (url) => {
    expect(detect(url)).toBeNull();
  });

  test.each([
    ['https://acme.lightning.force.com/lightning/r/Account/%s/view'],
    ['https://acme.lightning.force.com/lightning/r/%s/related/Contacts/view'],
    ['https://acme.lightning.force.com/one/one.app#/sObject/%s/view'],
    ['https://na1.salesforce.com/%s'],
  ])('15- and 18-char ids give the same 18-char id in %s', (shape) => {
    const ids = [ID_15, ID_18, `${ID_15}${ID_18.slice(15).toLowerCase()}`].map((id) =>
      detect(shape.replace('%s', id)),
    );
    expect(ids).toEqual([ID_18, ID_18, ID_18]);
  });
});
