import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { describe, expect, test, vi } from 'vitest';
import { KeyResultRow } from '../../../components/panel/KeyResultRow.tsx';
import { byUser, onlyByUser } from '../../../components/panel/user-gesture.ts';
import type { KeyResultView } from '../../../lib/panel/view-types.ts';

describe('byUser', () => {
  test.each([
    [{ isTrusted: true }, true],
    [{ isTrusted: false }, false],
    [{}, false],
  ])('%o → %s', (nativeEvent, expected) => {
    expect(byUser({ nativeEvent })).toBe(expected);
    const handler = vi.fn();
    onlyByUser(handler)({ nativeEvent });
    expect(handler).toHaveBeenCalledTimes(expected ? 1 : 0);
  });
});

const KR: KeyResultView = {
  id: 'kr1',
  title: 'QBRs held',
  unit: 'count',
  direction: 'increase',
  start: 0,
  target: 10,
  current: 2,
  progress: 0.2,
  pace: { status: 'on_track', ratio: 1 },
  dueDate: null,
  ownerName: null,
  confidence: null,
  quickLog: { label: 'QBR held', delta: 1 },
  linkedBy: 'tier',
  accountContribution: 0,
  lastCheckIn: null,
};

/** The first button in an element tree, found without rendering (the row has no hooks). */
function firstButton(node: ReactNode): ReactElement<{ onClick: (event: unknown) => void }> | null {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = firstButton(child);
      if (found) return found;
    }
    return null;
  }
  if (!isValidElement<{ children?: ReactNode }>(node)) return null;
  if (node.type === 'button') return node as ReactElement<{ onClick: (event: unknown) => void }>;
  return firstButton(node.props.children);
}

describe('the log button', () => {
  test.each([
    [true, 1],
    [false, 0],
  ])('a click with isTrusted %s logs %i outcome', (isTrusted, logged) => {
    const onLog = vi.fn();
    const button = firstButton(
      KeyResultRow({ kr: KR, rejection: null, undoRefusal: null, onLog, now: new Date(), isNew: false }),
    );
    button?.props.onClick({ nativeEvent: { isTrusted } });
    expect(onLog).toHaveBeenCalledTimes(logged);
  });
});
