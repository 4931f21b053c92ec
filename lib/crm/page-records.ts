import { composedClosest, hiddenByMarkup, isShown, openScopes, type Scopes } from './page-tree.ts';
import type { CrmName } from './types.ts';

/**
 * Where a CRM page shows records other than its own, so a reader never takes their values for the
 * page's record. Besides these, anything the user cannot see is another record's (CRMs keep pages
 * visited before in the DOM, hidden).
 */
const OTHER_RECORDS: Partial<Record<CrmName, string>> = {
  // Lightning keeps each page it opened in its own `.oneContent` host and marks the one on screen
  // `active`; test suites scope to `div.windowViewMode-normal.oneContent.active` for that reason
  // (exact-string search of public GitHub code for `windowViewMode-normal`).
  salesforce: '.oneContent:not(.active)',
  // HubSpot's preview side panel shows another record's properties with the same hooks
  // (`[data-crm-location="CRM_OBJECT_PREVIEW"] [data-selenium-test="property-input-…"]` in third-party
  // automation found by exact-string search of public GitHub code).
  hubspot: '[data-crm-location="CRM_OBJECT_PREVIEW"]',
};

/** Whether `element` belongs to the page's own record: on screen, and outside another record's panel. */
export function showsThisRecord(element: Element, crm: CrmName): boolean {
  const other = OTHER_RECORDS[crm];
  return (!other || composedClosest(element, other) === null) && isShown(element);
}

/**
 * The page's scopes (light DOM and open shadow roots) without the subtrees that show other records or
 * that the markup hides, so reading a page that keeps many records costs the one on screen.
 */
export function recordScopes(root: ParentNode, crm: CrmName): Scopes {
  const other = OTHER_RECORDS[crm];
  return openScopes(root, (element) => hiddenByMarkup(element) || (!!other && element.matches(other)));
}
