import { describe, expect, test } from 'vitest';
import { attio } from '../../../lib/crm/attio.ts';
import { ATTIO_COMPANY_PAGES, ATTIO_OTHER_PAGES } from './attio.cases.ts';

/** What the registry does for this CRM: the detector runs only on hosts it owns. */
function detect(href: string): string | null {
  const url = new URL(href);
  return attio.hostMatches(url.hostname) ? attio.detect(url) : null;
}

describe('attio company pages', () => {
  test.each(ATTIO_COMPANY_PAGES)('%s -> %s', (url, id) => {
    expect(detect(url)).toBe(id);
  });

  test.each(ATTIO_OTHER_PAGES)('%s -> null', (url) => {
    expect(detect(url)).toBeNull();
  });
});
