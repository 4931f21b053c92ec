import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { DEFAULT_CRM_TIER_LABEL } from '@/lib/crm/page-fields.ts';
import type { SelectorReport } from '@/lib/diagnostics/selector-report.ts';
import type { MessageClient } from '@/lib/messages/client.ts';
import { optimisticValue } from '@/lib/okr/optimistic.ts';
import type { PageSnapshot, PageStore } from '@/lib/panel/page-store.ts';
import type { PanelAnswer } from '@/lib/panel/view-types.ts';
import { OutcomeToast } from './OutcomeToast.tsx';
import { Panel, type PanelState } from './Panel.tsx';
import { type Overlay, useOutcomeLog } from './useOutcomeLog.ts';
import { usePageAccount } from './usePageAccount.ts';
import { type PageFieldSource, usePageCrmTier } from './usePageCrmTier.ts';

const CLOCK_TICK_MS = 30_000;

export interface PanelAppProps {
  store: PageStore;
  request: MessageClient;
  collapsed: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
  /** The CRM page's fields, to read its tier field; without it the synced CRM tier is used. */
  fields?: PageFieldSource;
  /** The tier field's label last learnt from the background, and where to keep a new one. */
  tierLabel?: string | undefined;
  onTierLabelChange?: (label: string) => void;
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
function usePanelState(
  snapshot: PageSnapshot,
  request: MessageClient,
  fields: PageFieldSource | undefined,
  initialTierLabel: string,
  onTierLabelChange: ((label: string) => void) | undefined,
): { state: PanelState; revision: number } {
  const [state, setState] = useState<{ key: string; revision: number; state: PanelState }>({
    key: '',
    revision: -1,
    state: { status: 'loading' },
  });
  const { crm, recordId } = snapshot.page;
  const key = `${crm}:${recordId}`;
  // The options name the CRM field to read; until an answer says otherwise, the one last learnt.
  const [tierLabel, setTierLabel] = useState(initialTierLabel);
  const pageCrmTier = usePageCrmTier(fields, crm, recordId, tierLabel);
  // Diagnostics are best effort: a background that cannot take them must not disturb the panel.
  const report = useCallback(
    (selectors: SelectorReport) => void request('diagnostics/report', selectors).catch(() => undefined),
    [request],
  );
  const identity = usePageAccount(fields, crm, recordId, report);
  const pageName = identity?.name;
  const pageDomain = identity?.domain;
  // A new snapshot means another page or a changed cache: either way, ask again, unless the answer
  // asked for when the URL changed still fits: the CRM page has not shown its tier field, and the
  // page's name and website are not needed because the record id found the account.
  useEffect(() => {
    let current = true;
    const { revision, early } = snapshot;
    const show = (answer: PanelAnswer) => {
      if (!current) return;
      setState({ key, revision, state: { status: 'ready', answer } });
      const label = answer.kind === 'account' ? answer.view.crmTier.fieldLabel : tierLabel;
      if (label !== tierLabel) {
        setTierLabel(label);
        onTierLabelChange?.(label);
      }
    };
    const fail = (error: Error) =>
      current && setState({ key, revision, state: { status: 'error', message: error.message } });
    const ask = () =>
      request('panel/view', {
        crm,
        recordId,
        ...(pageCrmTier ? { pageCrmTier } : {}),
        ...(pageName ? { pageName } : {}),
        ...(pageDomain ? { pageDomain } : {}),
      }).then(show, fail);
    if (!early) ask();
    else {
      early.promise.then(
        (answer) => {
          if (!current) return;
          const needsPage =
            Boolean(pageCrmTier) || (answer.kind !== 'account' && Boolean(pageName || pageDomain));
          if (!needsPage) return show(answer);
          // The early answer shows until the one that weighs the page's fields arrives, never after it.
          setState((shown) =>
            shown.key === key && shown.revision === revision
              ? shown
              : { key, revision, state: { status: 'ready', answer } },
          );
          ask();
        },
        () => current && ask(),
      );
    }
    return () => {
      current = false;
    };
  }, [
    crm,
    recordId,
    key,
    snapshot,
    request,
    pageCrmTier,
    pageName,
    pageDomain,
    tierLabel,
    onTierLabelChange,
  ]);
  if (state.key === key) return state;
  // Never show one account's data under another's URL while the new answer is on its way.
  const settled = snapshot.early?.settled;
  return settled
    ? { state: { status: 'ready', answer: settled }, revision: snapshot.revision }
    : { state: { status: 'loading' }, revision: -1 };
}

/** Shows clicks the background has not answered for yet, so a click is visible in the same frame. */
function withOverlays(answer: PanelAnswer, overlays: Overlay[]): PanelAnswer {
  if (answer.kind !== 'account' || overlays.length === 0) return answer;
  const accountId = answer.view.account.id;
  const objectives = answer.view.objectives.map((group) => ({
    ...group,
    keyResults: group.keyResults.map((kr) => ({
      ...kr,
      ...optimisticValue(kr, { id: accountId, contribution: kr.accountContribution }, overlays),
    })),
  }));
  return { ...answer, view: { ...answer.view, objectives } };
}

export function PanelApp({
  store,
  request,
  collapsed: initiallyCollapsed,
  onCollapsedChange,
  fields,
  tierLabel = DEFAULT_CRM_TIER_LABEL,
  onTierLabelChange,
}: PanelAppProps) {
  const snapshot = useSyncExternalStore(store.subscribe, store.get);
  const { state, revision } = usePanelState(snapshot, request, fields, tierLabel, onTierLabelChange);
  const answer = state.status === 'ready' ? state.answer : null;
  const outcomes = useOutcomeLog(request, answer, revision, store.refresh);
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  const now = useNow();
  const toggle = () => {
    setCollapsed(!collapsed);
    onCollapsedChange(!collapsed);
  };
  const shown: PanelState =
    state.status === 'ready'
      ? { status: 'ready', answer: withOverlays(state.answer, outcomes.overlays) }
      : state;
  const accountId = answer?.kind === 'account' ? answer.view.account.id : null;
  return (
    <Panel
      state={shown}
      collapsed={collapsed}
      onToggle={toggle}
      now={now}
      onLog={(kr) => accountId && outcomes.log(kr, accountId)}
      toasts={
        outcomes.toasts.length > 0 && (
          <div className="gl-toasts">
            {outcomes.toasts.map((toast) => (
              <OutcomeToast
                key={toast.clickId}
                toast={toast}
                onUndo={() => outcomes.undo(toast)}
                onNote={(text) => outcomes.note(toast, text)}
                onDismiss={() => outcomes.dismiss(toast.clickId)}
              />
            ))}
          </div>
        )
      }
    />
  );
}
