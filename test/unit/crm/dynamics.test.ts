import { describe, expect, test } from 'vitest';
import { dynamics } from '../../../lib/crm/dynamics.ts';
import { DYNAMICS_ACCOUNT_PAGES, DYNAMICS_OTHER_PAGES } from './dynamics.cases.ts';

/** What the registry does for this CRM: the detector runs only on hosts it owns. */
function detect(href: string): string | null {
  const url = new URL(href);
  return dynamics.hostMatches(url.hostname) ? dynamics.detect(url) : null;
}

describe('dynamics account pages', () => {
  test.each(DYNAMICS_ACCOUNT_PAGES)('%s -> %s', (url, id) => {
    expect(detect(url)).toBe(id);
  });

  test.each(DYNAMICS_OTHER_PAGES)('%s -> null', (url) => {
    expect(detect(url)).toBeNull();
  });
});
