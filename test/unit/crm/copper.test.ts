import { describe, expect, test } from 'vitest';
import { copper } from '../../../lib/crm/copper.ts';
import { COPPER_COMPANY_PAGES, COPPER_OTHER_PAGES } from './copper.cases.ts';

/** What the registry does for this CRM: the detector runs only on hosts it owns. */
function detect(href: string): string | null {
  const url = new URL(href);
  return copper.hostMatches(url.hostname) ? copper.detect(url) : null;
}

describe('copper company pages', () => {
  test.each(COPPER_COMPANY_PAGES)('%s -> %s', (url, id) => {
    expect(detect(url)).toBe(id);
  });

  test.each(COPPER_OTHER_PAGES)('%s -> null', (url) => {
    expect(detect(url)).toBeNull();
  });
});
