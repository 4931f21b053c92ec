import { useEffect, useState, useSyncExternalStore } from 'react';
import type { MessageClient } from '@/lib/messages/client.ts';
import type { PageSnapshot, PageStore } from '@/lib/panel/page-store.ts';
import { Panel, type PanelState } from './Panel.tsx';

const CLOCK_TICK_MS = 30_000;

export interface PanelAppProps {
  store: PageStore;
  request: MessageClient;
  collapsed: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
}

function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Asks the background for the page's account whenever the page or the cache changes. */
function usePanelState(snapshot: PageSnapshot, request: MessageClient): PanelState {
  const [state, setState] = useState<{ key: string; state: PanelState }>({
    key: '',
    state: { status: 'loading' },
  });
  const { crm, recordId } = snapshot.page;
  const key = `${crm}:${recordId}`;
  // A new snapshot means another page or a changed cache: either way, ask again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the snapshot's identity is the trigger.
  useEffect(() => {
    let current = true;
    request('panel/view', { crm, recordId }).then(
      (answer) => current && setState({ key, state: { status: 'ready', answer } }),
      (error: Error) => current && setState({ key, state: { status: 'error', message: error.message } }),
    );
    return () => {
      current = false;
    };
  }, [crm, recordId, key, snapshot, request]);
  // Never show one account's data under another's URL while the new answer is on its way.
  return state.key === key ? state.state : { status: 'loading' };
}

export function PanelApp({
  store,
  request,
  collapsed: initiallyCollapsed,
  onCollapsedChange,
}: PanelAppProps) {
  const snapshot = useSyncExternalStore(store.subscribe, store.get);
  const state = usePanelState(snapshot, request);
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  const now = useNow();
  const toggle = () => {
    setCollapsed(!collapsed);
    onCollapsedChange(!collapsed);
  };
  return <Panel state={state} collapsed={collapsed} onToggle={toggle} now={now} />;
}
