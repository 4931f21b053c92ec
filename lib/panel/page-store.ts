import type { AccountPage } from '../crm/types.ts';
import type { PanelAnswer } from './view-types.ts';

export interface PageSnapshot {
  page: AccountPage;
  /** Bumped when the background says its cache changed, so the panel asks again. */
  revision: number;
  /**
   * The answer for this page and revision, asked for the moment the URL changed (without the CRM
   * page's own tier field, which is not rendered yet), so the panel need not ask again before it shows.
   */
  early: Promise<PanelAnswer> | null;
}

/** The account page the panel shows, as an external store React subscribes to. */
export function createPageStore(initial: AccountPage, early: Promise<PanelAnswer> | null = null) {
  let snapshot: PageSnapshot = { page: initial, revision: 0, early };
  const listeners = new Set<() => void>();
  const publish = (next: PageSnapshot) => {
    snapshot = next;
    for (const listener of listeners) listener();
  };
  return {
    get: () => snapshot,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setPage(page: AccountPage, early: Promise<PanelAnswer> | null = null) {
      if (page.crm === snapshot.page.crm && page.recordId === snapshot.page.recordId) return;
      publish({ page, revision: snapshot.revision, early });
    },
    /** Returns the new revision: answers at or past it reflect everything done before the call. */
    refresh(): number {
      publish({ ...snapshot, revision: snapshot.revision + 1, early: null });
      return snapshot.revision;
    },
  };
}

export type PageStore = ReturnType<typeof createPageStore>;
