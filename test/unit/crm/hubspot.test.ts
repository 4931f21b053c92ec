import { describe, expect, test } from 'vitest';
import { hubspot } from '../../../lib/crm/hubspot.ts';
import { HUBSPOT_COMPANY_PAGES, HUBSPOT_OTHER_PAGES } from './hubspot.cases.ts';

/** What the registry does for this CRM: the detector runs only on hosts it owns. */
function detect(href: string): string | null {
  const url = new URL(href);
  return hubspot.hostMatches(url.hostname) ? hubspot.detect(url) : null;
}

describe('hubspot company pages', () => {
  test.each(HUBSPOT_COMPANY_PAGES)('%s -> %s', (url, id) => {
    expect(detect(url)).toBe(id);
  });

  test.each(HUBSPOT_OTHER_PAGES)('%s -> null', (url) => {
    expect(detect(url)).toBeNull();
  });
});
