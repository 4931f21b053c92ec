import type { CrmName } from '../../../lib/crm/types.ts';
import type { MessageClient } from '../../../lib/messages/client.ts';
import type { PageFieldSource } from '../../../lib/panel/page-reading.ts';
import type { PanelAnswer, PanelView } from '../../../lib/panel/view-types.ts';

const sync = { lastSuccessAt: null, stale: false, error: null, problems: [] };
export const unknown: PanelAnswer = { kind: 'unknown', sync };
export function accountAnswer(view: Partial<PanelView> = {}, by: 'record' | 'name' = 'record'): PanelAnswer {
  return {
    kind: 'account',
    match: by === 'record' ? { by } : { by, value: 'Acme' },
    view: { account: { id: 'acme' }, objectives: [], outbox: [], ...view } as unknown as PanelView,
    sync,
  };
}

interface Call {
  type: string;
  payload: unknown;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** A background that answers only when the test says so, in any order. */
export function fakeBackground() {
  const calls: Call[] = [];
  const request = ((type: string, payload: unknown) =>
    new Promise((resolve, reject) => calls.push({ type, payload, resolve, reject }))) as MessageClient;
  const of = (type: string) => calls.filter((call) => call.type === type);
  return { request, calls, of, views: () => of('panel/view') };
}

/** Lets every settled promise's callbacks run. */
export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A CRM page as the DOM shows it: fields by label, the account's name and website, and its changes. */
export function fakeDocument(
  fields: Record<string, string> = {},
  account: { name?: string; domain?: string } = {},
) {
  const watchers = new Set<() => void>();
  const page = { fields, account };
  const source: PageFieldSource = {
    read: (_crm: CrmName, label: string) => page.fields[label] ?? null,
    watch(onChange) {
      watchers.add(onChange);
      return () => watchers.delete(onChange);
    },
    readAccount: () => ({
      name: page.account.name ?? null,
      domain: page.account.domain ?? null,
      reports: [{ field: 'name', found: Boolean(page.account.name), tried: [] }],
    }),
    urlShape: () => '/lightning/r/Account/{id}/view',
  };
  return {
    source,
    /** The CRM re-renders: new fields and account, then the DOM change is observed. */
    show(next: { fields?: Record<string, string>; account?: { name?: string; domain?: string } }) {
      if (next.fields) page.fields = next.fields;
      if (next.account) page.account = next.account;
      for (const watcher of watchers) watcher();
    },
    watching: () => watchers.size,
  };
}
