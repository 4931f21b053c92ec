import { describe, expect, it } from 'vitest';
import { shouldRevalidate } from '../../../lib/live/revalidate.ts';
import { INITIAL_SYNC_STATUS, type SyncStatus } from '../../../lib/sync/status.ts';

const NOW = Date.parse('2026-12-03T10:00:00.000Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

function status(overrides: Partial<SyncStatus>): SyncStatus {
  return { ...INITIAL_SYNC_STATUS, state: 'ok', ...overrides };
}

describe('shouldRevalidate', () => {
  it.each([
    ['synced 10 s ago', status({ lastSuccessAt: ago(10), lastAttemptAt: ago(10) }), false],
    ['synced 30 s ago exactly', status({ lastSuccessAt: ago(30), lastAttemptAt: ago(30) }), false],
    ['synced 31 s ago', status({ lastSuccessAt: ago(31), lastAttemptAt: ago(31) }), true],
    ['synced an hour ago', status({ lastSuccessAt: ago(3600), lastAttemptAt: ago(3600) }), true],
    ['never synced, never tried', status({ state: 'never' }), true],
    [
      'stale, but a sync was tried 2 s ago',
      status({ lastSuccessAt: ago(600), lastAttemptAt: ago(2), state: 'error' }),
      false,
    ],
    [
      'stale, last try failed 10 s ago',
      status({
        lastSuccessAt: ago(600),
        lastAttemptAt: ago(10),
        state: 'error',
        lastError: { code: 'unreachable', message: 'down', at: ago(10) },
      }),
      true,
    ],
    [
      'stale, the token was refused',
      status({
        lastSuccessAt: ago(600),
        lastAttemptAt: ago(600),
        state: 'error',
        lastError: { code: 'auth', message: 'refused', at: ago(600) },
      }),
      false,
    ],
    [
      'not configured',
      status({ lastError: { code: 'not_configured', message: 'set up', at: ago(600) }, state: 'error' }),
      false,
    ],
  ])('%s → %s', (_name, given, expected) => {
    expect(shouldRevalidate(given, NOW)).toBe(expected);
  });
});
