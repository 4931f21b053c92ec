import { describe, expect, it } from 'vitest';
import { liveSocketUrl, reconnectDelayMs } from '../../../lib/live/backoff.ts';

describe('reconnectDelayMs', () => {
  it.each([
    // attempt, random, expected
    [1, 0, 500],
    [1, 0.999, 1_000],
    [2, 0.5, 1_500],
    [3, 0, 2_000],
    [6, 1, 32_000],
    [7, 0, 30_000],
    [7, 1, 60_000],
    [50, 0.5, 45_000],
    [0, 0, 500],
  ])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
    expect(reconnectDelayMs(attempt, random)).toBe(Math.round(expected));
  });

  it('spreads browsers that fail together over half of each step', () => {
    const delays = [0, 0.25, 0.5, 0.75].map((r) => reconnectDelayMs(4, r));
    expect(new Set(delays).size).toBe(4);
    expect(Math.min(...delays)).toBe(4_000);
    expect(Math.max(...delays)).toBeLessThan(8_000);
  });
});

describe('liveSocketUrl', () => {
  it.each([
    ['http://127.0.0.1:8787', '/v1/live?ticket=glt_a', 'ws://127.0.0.1:8787/v1/live?ticket=glt_a'],
    ['https://goals.example.com', '/v1/live?ticket=glt_b', 'wss://goals.example.com/v1/live?ticket=glt_b'],
    ['https://goals.example.com/', '/v1/live?ticket=x', 'wss://goals.example.com/v1/live?ticket=x'],
  ])('%s + %s → %s', (base, path, expected) => {
    expect(liveSocketUrl(base, path)).toBe(expected);
  });
});
