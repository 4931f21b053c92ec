import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createForegroundGate } from '../../../lib/background/foreground-gate.ts';

const TIMING = { quietMs: 50, maxWaitMs: 500 };

/** Ten requests back to back, each starting as the one before ends. */
const UNBROKEN = Array.from({ length: 10 }, (_, i): [number, number] => [i * 100, i * 100 + 100]);

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('idle()', () => {
  test.each([
    { name: 'nothing in flight', requests: [], askedAt: 0, opensAt: 0 },
    { name: 'one request: quietMs after it ends', requests: [[0, 100]], askedAt: 10, opensAt: 150 },
    { name: 'asked in the quiet after a request', requests: [[0, 100]], askedAt: 120, opensAt: 150 },
    { name: 'asked once the quiet is over', requests: [[0, 100]], askedAt: 200, opensAt: 200 },
    {
      name: 'overlapping requests: after the last',
      requests: [
        [0, 100],
        [50, 300],
      ],
      askedAt: 10,
      opensAt: 350,
    },
    {
      name: 'a request in the quiet starts it over',
      requests: [
        [0, 100],
        [120, 200],
      ],
      askedAt: 10,
      opensAt: 250,
    },
    { name: 'requests that never stop: after maxWaitMs', requests: UNBROKEN, askedAt: 10, opensAt: 510 },
    { name: 'a request longer than maxWaitMs', requests: [[0, 2_000]], askedAt: 700, opensAt: 1_200 },
  ] as { name: string; requests: [number, number][]; askedAt: number; opensAt: number }[])(
    '$name → opens at $opensAt ms',
    async ({ requests, askedAt, opensAt }) => {
      const gate = createForegroundGate(TIMING);
      for (const [start, end] of requests) {
        setTimeout(() => void gate.run(() => new Promise((done) => setTimeout(done, end - start))), start);
      }
      let openedAt: number | null = null;
      setTimeout(() => void gate.idle().then(() => (openedAt = Date.now())), askedAt);
      await vi.advanceTimersByTimeAsync(opensAt);
      expect(openedAt).toBe(opensAt);
    },
  );

  test('every waiting pass goes on together when the foreground ends', async () => {
    const gate = createForegroundGate(TIMING);
    let release = () => {};
    void gate.run(() => new Promise<void>((done) => (release = done)));
    const opened: number[] = [];
    void gate.idle().then(() => opened.push(1));
    await vi.advanceTimersByTimeAsync(20);
    void gate.idle().then(() => opened.push(2));
    release();
    await vi.advanceTimersByTimeAsync(49);
    expect(opened).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(opened).toEqual([1, 2]);
  });
});

describe('run()', () => {
  test('answers what the work answers, and a failure as it failed; either way the gate reopens', async () => {
    const gate = createForegroundGate(TIMING);
    await expect(gate.run(async () => 42)).resolves.toBe(42);
    const error = new Error('refused');
    await expect(
      gate.run(async () => {
        throw error;
      }),
    ).rejects.toBe(error);
    let opened = false;
    void gate.idle().then(() => (opened = true));
    await vi.advanceTimersByTimeAsync(TIMING.quietMs);
    expect(opened).toBe(true);
  });
});
