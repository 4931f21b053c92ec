import type { AccountPage } from '../crm/types.ts';
import type { PanelAnswer } from './view-types.ts';

/**
 * The answer for a page, asked for the moment the URL changed (without the CRM page's own tier field,
 * which is not rendered yet). `settled` is filled in when it arrives, so a panel mounted after that
 * renders it in its first frame.
 */
export interface EarlyAnswer {
  promise: Promise<PanelAnswer>;
  settled?: PanelAnswer;
}

export function trackEarlyAnswer(promise: Promise<PanelAnswer>): EarlyAnswer {
  const early: EarlyAnswer = { promise };
  // A failure is reported by the panel, which may not be mounted yet to see it.
  promise.then(
    (answer) => {
      early.settled = answer;
    },
    () => undefined,
  );
  return early;
}

export interface PageSnapshot {
  page: AccountPage;
  /** Bumped when the background says its cache changed, so the panel asks again. */
  revision: number;
  /** The early answer for this page and revision, so the panel need not ask again before it shows. */
  early: EarlyAnswer | null;
}

/** The account page the panel shows, as an external store React subscribes to. */
export function createPageStore(initial: AccountPage, early: EarlyAnswer | null = null) {
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
    setPage(page: AccountPage, early: EarlyAnswer | null = null) {
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
