import { describe, expect, test } from 'vitest';
import { pipedrive } from '../../../lib/crm/pipedrive.ts';
import { PIPEDRIVE_ORGANIZATION_PAGES, PIPEDRIVE_OTHER_PAGES } from './pipedrive.cases.ts';

/** What the registry does for this CRM: the detector runs only on hosts it owns. */
function detect(href: string): string | null {
  const url = new URL(href);
  return pipedrive.hostMatches(url.hostname) ? pipedrive.detect(url) : null;
}

describe('pipedrive organization pages', () => {
  test.each(PIPEDRIVE_ORGANIZATION_PAGES)('%s -> %s', (url, id) => {
    expect(detect(url)).toBe(id);
  });

  test.each(PIPEDRIVE_OTHER_PAGES)('%s -> null', (url) => {
    expect(detect(url)).toBeNull();
  });
});
