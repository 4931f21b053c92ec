import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';

/** A saved CRM page from test/fixtures/crm/, parsed into a DOM the page readers can query. */
export function fixtureDocument(path: string): Document {
  const html = readFileSync(new URL(`../../fixtures/crm/${path}`, import.meta.url), 'utf8');
  return parseHTML(html).document as unknown as Document;
}

export function htmlDocument(body: string): Document {
  return parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
}
