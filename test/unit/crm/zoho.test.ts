import { describe, expect, test } from 'vitest';
import { zoho } from '../../../lib/crm/zoho.ts';
import { ZOHO_ACCOUNT_PAGES, ZOHO_OTHER_PAGES } from './zoho.cases.ts';

/** What the registry does for this CRM: the detector runs only on hosts it owns. */
function detect(href: string): string | null {
  const url = new URL(href);
  return zoho.hostMatches(url.hostname) ? zoho.detect(url) : null;
}

describe('zoho account pages', () => {
  test.each(ZOHO_ACCOUNT_PAGES)('%s -> %s', (url, id) => {
    expect(detect(url)).toBe(id);
  });

  test.each(ZOHO_OTHER_PAGES)('%s -> null', (url) => {
    expect(detect(url)).toBeNull();
  });
});
