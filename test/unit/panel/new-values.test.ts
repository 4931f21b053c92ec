import { describe, expect, it } from 'vitest';
import { NOTHING_NEW, newValues, shownOwnMoves } from '../../../lib/panel/new-values.ts';
import type { KeyResultView, MetricView, PanelView } from '../../../lib/panel/view-types.ts';

function kr(id: string, current: number): KeyResultView {
  return { id, title: `KR ${id}`, current } as KeyResultView;
}
function metric(key: string, value: number, asOf = '2026-12-01T00:00:00.000Z'): MetricView {
  return { key, label: `Metric ${key}`, value, asOf } as MetricView;
}
function view(
  accountId: string,
  tierId: string | null,
  krs: KeyResultView[],
  metrics: MetricView[],
): PanelView {
  return {
    account: { id: accountId },
    tier: tierId === null ? null : { id: tierId, name: `Tier ${tierId}`, rank: 1, color: null },
    objectives: [{ keyResults: krs }],
    health: { perspectives: [{ metrics }] },
  } as unknown as PanelView;
}

const base = view('a1', 't1', [kr('k1', 1), kr('k2', 5)], [metric('nps', 30), metric('p1', 2)]);

describe('newValues', () => {
  it.each([
    ['first view', null, base, NOTHING_NEW],
    [
      'nothing moved',
      base,
      view('a1', 't1', [kr('k1', 1), kr('k2', 5)], [metric('nps', 30), metric('p1', 2)]),
      NOTHING_NEW,
    ],
    ['another account', base, view('a2', 't2', [kr('k1', 9)], [metric('nps', 99)]), NOTHING_NEW],
    [
      'a key result moved',
      base,
      view('a1', 't1', [kr('k1', 2), kr('k2', 5)], [metric('nps', 30), metric('p1', 2)]),
      { keyResults: ['k1'], metrics: [], tier: false, names: ['KR k1'] },
    ],
    [
      'a metric value moved',
      base,
      view('a1', 't1', [kr('k1', 1), kr('k2', 5)], [metric('nps', 31), metric('p1', 2)]),
      { keyResults: [], metrics: ['nps'], tier: false, names: ['Metric nps'] },
    ],
    [
      'a metric was measured again with the same value',
      base,
      view(
        'a1',
        't1',
        [kr('k1', 1), kr('k2', 5)],
        [metric('nps', 30), metric('p1', 2, '2026-12-02T00:00:00.000Z')],
      ),
      { keyResults: [], metrics: ['p1'], tier: false, names: ['Metric p1'] },
    ],
    [
      'the tier changed',
      base,
      view('a1', 't2', [kr('k1', 1), kr('k2', 5)], [metric('nps', 30), metric('p1', 2)]),
      { keyResults: [], metrics: [], tier: true, names: ['tier Tier t2'] },
    ],
    [
      'a key result newly linked is not a change of value',
      base,
      view('a1', 't1', [kr('k1', 1), kr('k2', 5), kr('k3', 7)], [metric('nps', 30), metric('p1', 2)]),
      NOTHING_NEW,
    ],
  ])('%s', (_name, previous, next, expected) => {
    expect(newValues(previous, next)).toEqual(expected);
  });
});

describe("the panel's own moves are not news", () => {
  const moved = view('a1', 't1', [kr('k1', 2), kr('k2', 5)], [metric('nps', 30), metric('p1', 2)]);
  const click = { id: 0, keyResultId: 'k1', delta: 1 };

  it('a click of this panel moving its key result is not marked', () => {
    expect(newValues(base, moved, [click])).toEqual(NOTHING_NEW);
  });

  it('its undo taking the value back is not marked either', () => {
    expect(newValues(moved, base, [{ id: 1, keyResultId: 'k1', delta: -1 }])).toEqual(NOTHING_NEW);
  });

  it("a teammate's change arriving with the click is marked", () => {
    const both = view('a1', 't1', [kr('k1', 12), kr('k2', 5)], [metric('nps', 30), metric('p1', 2)]);
    expect(newValues(base, both, [click]).keyResults).toEqual(['k1']);
  });

  it("another key result's move is marked beside the panel's own", () => {
    const two = view('a1', 't1', [kr('k1', 2), kr('k2', 6)], [metric('nps', 30), metric('p1', 2)]);
    expect(newValues(base, two, [click]).keyResults).toEqual(['k2']);
  });

  it('a move is used up by the view that shows it, and waits while its key result has not moved', () => {
    const undo = { id: 1, keyResultId: 'k2', delta: -1 };
    expect(shownOwnMoves(base, moved, [click, undo])).toEqual([click]);
    expect(shownOwnMoves(base, base, [click, undo])).toEqual([]);
  });
});
