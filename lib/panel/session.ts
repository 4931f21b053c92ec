import { DEFAULT_CRM_TIER_LABEL } from '../crm/page-fields.ts';
import type { AccountPage } from '../crm/types.ts';
import type { MessageClient } from '../messages/client.ts';
import type { RequestOf } from '../messages/protocol.ts';
import { createPageReader, type PageFieldSource, type PageReading } from './page-reading.ts';
import type { PanelAnswer } from './view-types.ts';

export type PanelState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; answer: PanelAnswer };

interface PanelSnapshot {
  page: AccountPage;
  state: PanelState;
  /** The revision the shown answer was asked at (-1 while none is shown): it reflects all done before. */
  revision: number;
}

const keyOf = (page: AccountPage) => `${page.crm}:${page.recordId}`;

/**
 * The panel's one source of truth, outside React: which account page is shown, what the CRM page
 * says of it, and the background's answer. Every answer comes from one request path: the first request
 * goes out the moment the page is known (before the page's fields render), and the page is asked
 * again when its reading adds something that can change the answer, when the cache changed, or when
 * the tier label changed. An answer is shown only for the page it was asked for and only if no later
 * request's answer is already shown.
 */
export function createPanelSession(request: MessageClient, first: AccountPage) {
  let snapshot: PanelSnapshot = { page: first, state: { status: 'loading' }, revision: -1 };
  const listeners = new Set<() => void>();
  let revision = 0;
  let tierLabel = DEFAULT_CRM_TIER_LABEL;
  let reading: PageReading = {};
  let reader: ReturnType<typeof createPageReader> | undefined;
  let stopReading: (() => void) | undefined;
  let asked = 0;
  let answered = 0;
  let sent: RequestOf<'panel/view'> | undefined;
  let closed = false;

  const publish = (next: PanelSnapshot) => {
    snapshot = next;
    for (const listener of listeners) listener();
  };

  const payload = (): RequestOf<'panel/view'> => ({
    crm: snapshot.page.crm,
    recordId: snapshot.page.recordId,
    ...(reading.crmTier ? { pageCrmTier: reading.crmTier } : {}),
    ...(reading.name ? { pageName: reading.name } : {}),
    ...(reading.domain ? { pageDomain: reading.domain } : {}),
  });

  const settle = (seq: number, key: string, askedAt: number, state: PanelState) => {
    if (closed || key !== keyOf(snapshot.page) || seq <= answered) return;
    // A failure while a later request is on its way is that request's to replace.
    if (state.status === 'error' && seq !== asked) return;
    answered = seq;
    publish({ ...snapshot, state, revision: askedAt });
    askIfNeeded();
  };

  const ask = () => {
    const seq = ++asked;
    const key = keyOf(snapshot.page);
    const askedAt = revision;
    sent = payload();
    request('panel/view', sent).then(
      (answer) => settle(seq, key, askedAt, { status: 'ready', answer }),
      (error: Error) => settle(seq, key, askedAt, { status: 'error', message: error.message }),
    );
  };

  /** The page's name and website only matter while the record id found no account. */
  const askIfNeeded = () => {
    const next = payload();
    if (next.pageCrmTier !== sent?.pageCrmTier) return ask();
    if (next.pageName === sent?.pageName && next.pageDomain === sent?.pageDomain) return;
    const { state } = snapshot;
    const inFlight = asked > answered;
    const byRecord =
      state.status === 'ready' && state.answer.kind === 'account' && state.answer.match.by === 'record';
    if (!inFlight && !byRecord) ask();
  };

  const followPage = () => {
    stopReading?.();
    reading = {};
    stopReading = reader?.follow(snapshot.page, tierLabel, (next) => {
      reading = next;
      askIfNeeded();
    });
    askIfNeeded();
  };

  ask();
  return {
    get: () => snapshot,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Another account page: nothing of the previous one is shown while its answer is on its way. */
    setPage(page: AccountPage): void {
      if (keyOf(page) === keyOf(snapshot.page)) return;
      publish({ page, state: { status: 'loading' }, revision: -1 });
      stopReading?.();
      reading = {};
      ask();
      if (reader) followPage();
    },
    /** Starts reading the CRM page's fields (once the panel script that reads them is loaded). */
    readPage(source: PageFieldSource): void {
      // A panel whose mount completed after the user left the page must not start watching the next one.
      if (closed) return;
      // Diagnostics are best effort: a background that cannot take them must not disturb the panel.
      reader = createPageReader(
        source,
        (report) => void request('diagnostics/report', report).catch(() => undefined),
      );
      followPage();
      if (snapshot.state.status === 'error') ask();
    },
    setTierLabel(label: string): void {
      if (label === tierLabel) return;
      tierLabel = label;
      if (reader) followPage();
    },
    /** The cache changed: asks again. Returns the new revision; answers at or past it reflect everything before. */
    refresh(): number {
      revision += 1;
      ask();
      return revision;
    },
    close(): void {
      closed = true;
      stopReading?.();
      listeners.clear();
    },
  };
}

export type PanelSession = ReturnType<typeof createPanelSession>;
