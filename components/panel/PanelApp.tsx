import { useEffect, useState, useSyncExternalStore } from 'react';
import type { MessageClient } from '@/lib/messages/client.ts';
import { optimisticValue, type PendingDelta } from '@/lib/okr/optimistic.ts';
import { createOutcomeLog } from '@/lib/panel/outcome-log.ts';
import type { PanelSession, PanelState } from '@/lib/panel/session.ts';
import type { PanelAnswer } from '@/lib/panel/view-types.ts';
import { OutcomeToast } from './OutcomeToast.tsx';
import { Panel } from './Panel.tsx';

const CLOCK_TICK_MS = 30_000;

interface PanelAppProps {
  session: PanelSession;
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

/** Shows clicks the background has not answered for yet, so a click is visible in the same frame. */
function withOverlays(answer: PanelAnswer, overlays: PendingDelta[]): PanelAnswer {
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
  session,
  request,
  collapsed: initiallyCollapsed,
  onCollapsedChange,
}: PanelAppProps) {
  const { state, revision } = useSyncExternalStore(session.subscribe, session.get);
  const [outcomeLog] = useState(() => createOutcomeLog(request, session.refresh));
  useEffect(() => () => outcomeLog.close(), [outcomeLog]);
  const { moves } = useSyncExternalStore(outcomeLog.subscribe, outcomeLog.get);
  const answer = state.status === 'ready' ? state.answer : null;
  const outcomes = outcomeLog.shown(answer, revision);
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
      onLog={(kr) => accountId && outcomeLog.log(kr, accountId)}
      ownMoves={moves}
      toasts={
        outcomes.toasts.length > 0 && (
          <div className="gl-toasts">
            {outcomes.toasts.map((toast) => (
              <OutcomeToast
                key={toast.clickId}
                toast={toast}
                onUndo={() => outcomeLog.undo(toast)}
                onNote={(text) => outcomeLog.note(toast, text)}
                onDismiss={() => outcomeLog.dismiss(toast.clickId)}
              />
            ))}
          </div>
        )
      }
    />
  );
}
