import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOutcomeLog } from '../../../lib/panel/outcome-log.ts';
import type { KeyResultView } from '../../../lib/panel/view-types.ts';
import { accountAnswer, fakeBackground } from './fakes.ts';

const kr = {
  id: 'kr1',
  title: 'Expansion calls',
  quickLog: { label: '+1 call', delta: 1 },
} as unknown as KeyResultView;
const outcome = (id: string) => ({ outcome: { id } });

/** A log whose `refresh` counts revisions, as the session does. */
function setup() {
  const background = fakeBackground();
  let revision = 0;
  const log = createOutcomeLog(background.request, () => ++revision);
  return { background, log };
}

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => vi.useRealTimers());

describe('outcome log: the click path', () => {
  it('shows the click at once, until an answer asked after it was stored includes it', async () => {
    const { background, log } = setup();
    log.log(kr, 'acme');
    const pending = { keyResultId: 'kr1', accountId: 'acme', delta: 1 };
    expect(log.shown(null, 0).overlays).toMatchObject([pending]);
    // Counted as the panel's own move, so the value it shows is not marked as a teammate's change.
    expect(log.get().moves).toEqual([{ id: 0, keyResultId: 'kr1', delta: 1 }]);
    expect(log.shown(null, 0).toasts).toMatchObject([{ state: 'saving', label: '+1 call' }]);
    background.of('outcome/log')[0]?.resolve(outcome('o1'));
    await vi.waitFor(() => expect(log.get().toasts[0]?.state).toBe('queued'));
    // The answer of revision 0 was asked before the click was stored: it still needs the overlay.
    expect(log.shown(null, 0).overlays).toMatchObject([pending]);
    expect(log.shown(null, 1).overlays).toEqual([]);
  });

  it('takes the click back when the background refused it, and says why', async () => {
    const { background, log } = setup();
    log.log(kr, 'acme');
    background.of('outcome/log')[0]?.reject(new Error('This key result is no longer in Goal Lens.'));
    await vi.waitFor(() => expect(log.get().toasts[0]?.state).toBe('failed'));
    // The value going back is the panel's own doing too, as the click was.
    expect(log.get().moves).toEqual([
      { id: 0, keyResultId: 'kr1', delta: 1 },
      { id: 1, keyResultId: 'kr1', delta: -1 },
    ]);
    expect(log.shown(null, 0)).toMatchObject({
      overlays: [],
      toasts: [{ state: 'failed', message: 'This key result is no longer in Goal Lens.' }],
    });
  });

  it('follows the outbox of answers given after the outcome was stored', async () => {
    const { background, log } = setup();
    log.log(kr, 'acme');
    background.of('outcome/log')[0]?.resolve(outcome('o1'));
    await vi.waitFor(() => expect(log.get().toasts[0]?.outcomeId).toBe('o1'));
    const queued = accountAnswer({
      outbox: [{ id: 'o1', keyResultId: 'kr1', state: 'queued', reason: null }],
    });
    const rejected = accountAnswer({
      outbox: [{ id: 'o1', keyResultId: 'kr1', state: 'rejected', reason: 'closed period' }],
    });
    expect(log.shown(accountAnswer(), 0).toasts[0]?.state).toBe('queued');
    expect(log.shown(queued, 1).toasts[0]?.state).toBe('queued');
    expect(log.shown(accountAnswer(), 1).toasts[0]?.state).toBe('sent');
    expect(log.shown(rejected, 1).toasts[0]).toMatchObject({ state: 'rejected', reason: 'closed period' });
  });

  it('undoes, and asks the panel again', async () => {
    const { background, log } = setup();
    log.log(kr, 'acme');
    background.of('outcome/log')[0]?.resolve(outcome('o1'));
    await vi.waitFor(() => expect(log.get().toasts[0]?.outcomeId).toBe('o1'));
    const toast = log.get().toasts[0];
    if (!toast) throw new Error('no toast');
    log.undo(toast);
    expect(log.get().toasts[0]?.state).toBe('undoing');
    expect(log.get().moves.at(-1)).toEqual({ id: 1, keyResultId: 'kr1', delta: -1 });
    expect(background.of('outcome/undo')[0]?.payload).toEqual({ outcomeId: 'o1' });
    background.of('outcome/undo')[0]?.resolve({});
    await vi.waitFor(() => expect(log.get().toasts[0]?.state).toBe('undone'));
  });

  it('adds a note, following the outcome that carries it', async () => {
    const { background, log } = setup();
    log.log(kr, 'acme');
    background.of('outcome/log')[0]?.resolve(outcome('o1'));
    await vi.waitFor(() => expect(log.get().toasts[0]?.outcomeId).toBe('o1'));
    const toast = log.get().toasts[0];
    if (!toast) throw new Error('no toast');
    log.note(toast, 'renewal call');
    expect(background.of('outcome/note')[0]?.payload).toEqual({ outcomeId: 'o1', note: 'renewal call' });
    background.of('outcome/note')[0]?.resolve(outcome('o2'));
    await vi.waitFor(() => expect(log.get().toasts[0]?.outcomeId).toBe('o2'));
    expect(log.get().toasts[0]).toMatchObject({ message: 'Note saved.', storedAt: 2 });
  });

  it('lets a toast go after the undo window, unless it reports a rejection', async () => {
    const { background, log } = setup();
    log.log(kr, 'acme');
    log.log(kr, 'acme');
    const [first, second] = background.of('outcome/log');
    first?.resolve(outcome('o1'));
    second?.resolve(outcome('o2'));
    await vi.waitFor(() => expect(log.get().toasts.every((t) => t.outcomeId)).toBe(true));
    const rejected = accountAnswer({
      outbox: [{ id: 'o2', keyResultId: 'kr1', state: 'rejected', reason: 'closed period' }],
    });
    log.shown(rejected, 2);
    vi.advanceTimersByTime(10_000);
    expect(log.get().toasts.map((t) => t.outcomeId)).toEqual(['o2']);
  });
});
