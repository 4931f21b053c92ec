import { describe, expect, test } from 'vitest';
import { freshsales } from '../../../lib/crm/freshsales.ts';
import { FRESHSALES_ACCOUNT_PAGES, FRESHSALES_OTHER_PAGES } from './freshsales.cases.ts';

/** What the registry does for this CRM: the detector runs only on hosts it owns. */
function detect(href: string): string | null {
  const url = new URL(href);
  return freshsales.hostMatches(url.hostname) ? freshsales.detect(url) : null;
}

describe('freshsales account pages', () => {
  test.each(FRESHSALES_ACCOUNT_PAGES)('%s -> %s', (url, id) => {
    expect(detect(url)).toBe(id);
  });

  test.each(FRESHSALES_OTHER_PAGES)('%s -> null', (url) => {
    expect(detect(url)).toBeNull();
  });
});
