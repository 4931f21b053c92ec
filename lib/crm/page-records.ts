import { hiddenByMarkup, isShown, openScopes, type Scopes } from './page-tree.ts';

/*
 * Which parts of a CRM page belong to the record on screen. A page can keep other records' markup
 * around, hidden (a page visited before, a preview). No public source we can cite names a CRM's own
 * marker for such a copy, so none is matched: what the user cannot see is another record's, and only
 * that.
 */

/** Whether `element` belongs to the page's own record: the user sees it. */
export function showsThisRecord(element: Element): boolean {
  return isShown(element);
}

/**
 * The page's scopes (light DOM and open shadow roots) without the subtrees the markup hides, so
 * reading a page that keeps many hidden records costs the one on screen.
 */
export function recordScopes(root: ParentNode): Scopes {
  return openScopes(root, hiddenByMarkup);
}
