import type { AccountPage } from '../crm/types.ts';

export interface PageSnapshot {
  page: AccountPage;
  /** Bumped when the background says its cache changed, so the panel asks again. */
  revision: number;
}

/** The account page the panel shows, as an external store React subscribes to. */
export function createPageStore(initial: AccountPage) {
  let snapshot: PageSnapshot = { page: initial, revision: 0 };
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
    setPage(page: AccountPage) {
      if (page.crm === snapshot.page.crm && page.recordId === snapshot.page.recordId) return;
      publish({ page, revision: snapshot.revision });
    },
    /** Returns the new revision: answers at or past it reflect everything done before the call. */
    refresh(): number {
      publish({ ...snapshot, revision: snapshot.revision + 1 });
      return snapshot.revision;
    },
  };
}

export type PageStore = ReturnType<typeof createPageStore>;
