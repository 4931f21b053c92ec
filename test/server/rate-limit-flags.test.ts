import { describe, expect, it } from 'vitest';
import { resolveRateLimit } from '../../server/cli/rate-limit.ts';
import { UsageError } from '../../server/cli/storage.ts';

describe('rate limit from flags and environment', () => {
  it.each([
    { env: {}, flags: {}, expected: { requests: 1200, windowSeconds: 60 } },
    { env: { GOAL_LENS_RATE_LIMIT: '50' }, flags: {}, expected: { requests: 50, windowSeconds: 60 } },
    {
      env: { GOAL_LENS_RATE_LIMIT: '50', GOAL_LENS_RATE_WINDOW: '10' },
      flags: { 'rate-limit': '7' },
      expected: { requests: 7, windowSeconds: 10 },
    },
    { env: {}, flags: { 'rate-window': '1' }, expected: { requests: 1200, windowSeconds: 1 } },
    { env: { GOAL_LENS_RATE_LIMIT: '0' }, flags: {}, expected: 'off' },
    {
      env: { GOAL_LENS_RATE_LIMIT: '0' },
      flags: { 'rate-limit': '5' },
      expected: { requests: 5, windowSeconds: 60 },
    },
  ])('$env + $flags → $expected', ({ env, flags, expected }) => {
    expect(resolveRateLimit(env, flags)).toEqual(expected);
  });

  it.each([
    [{ 'rate-limit': '-1' }, '--rate-limit must be a whole number of at least 0 (got "-1")'],
    [{ 'rate-limit': 'lots' }, '--rate-limit must be a whole number of at least 0 (got "lots")'],
    [{ 'rate-limit': '' }, '--rate-limit must be a whole number of at least 0 (got "")'],
    [{ 'rate-window': '0' }, '--rate-window must be a whole number of at least 1 (got "0")'],
    [{ 'rate-window': '2.5' }, '--rate-window must be a whole number of at least 1 (got "2.5")'],
  ])('refuses %o', (flags, message) => {
    expect(() => resolveRateLimit({}, flags)).toThrow(new UsageError(message));
  });
});
