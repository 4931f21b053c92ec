import { describe, expect, test } from 'vitest';
import { close } from '../../../lib/crm/close.ts';
import { CLOSE_LEAD_PAGES, CLOSE_OTHER_PAGES } from './close.cases.ts';

/** What the registry does for this CRM: the detector runs only on hosts it owns. */
function detect(href: string): string | null {
  const url = new URL(href);
  return close.hostMatches(url.hostname) ? close.detect(url) : null;
}

describe('close lead pages', () => {
  test.each(CLOSE_LEAD_PAGES)('%s -> %s', (url, id) => {
    expect(detect(url)).toBe(id);
  });

  test.each(CLOSE_OTHER_PAGES)('%s -> null', (url) => {
    expect(detect(url)).toBeNull();
  });
});
