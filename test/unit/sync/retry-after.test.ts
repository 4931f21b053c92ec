import { describe, expect, test } from 'vitest';
import { BackendError } from '../../../lib/backend/client.ts';
import { toErrorInfo } from '../../../lib/errors.ts';
import { retryAfterMsOf } from '../../../lib/sync/backoff.ts';

describe('retryAfterMsOf', () => {
  test.each([
    [
      'a 429 with Retry-After',
      new BackendError('rate_limited', 'slow', 429, 20_000, { retryAfterMs: 20_000 }),
      20_000,
    ],
    [
      'a 429 without Retry-After',
      new BackendError('rate_limited', 'slow', 429, undefined, { retryAfterMs: undefined }),
      undefined,
    ],
    [
      'validation issues (an array)',
      new BackendError('invalid_response', 'bad', 200, undefined, [{ path: [] }]),
      undefined,
    ],
    ['no details', new BackendError('unreachable', 'offline'), undefined],
    ['a plain error', new Error('boom'), undefined],
  ])('%s → %s', (_, error, expected) => {
    expect(retryAfterMsOf(toErrorInfo(error))).toBe(expected);
  });

  test('survives the trip through stored sync status (JSON)', () => {
    const info = toErrorInfo(new BackendError('rate_limited', 'slow', 429, 5_000, { retryAfterMs: 5_000 }));
    expect(retryAfterMsOf(JSON.parse(JSON.stringify(info)))).toBe(5_000);
  });
});
