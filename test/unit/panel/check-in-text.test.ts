import { describe, expect, it } from 'vitest';
import { checkInText } from '../../../lib/panel/check-in-text.ts';
import type { KeyResultView } from '../../../lib/panel/view-types.ts';

const NOW = new Date('2026-12-03T10:00:00.000Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();

describe('checkInText', () => {
  it.each<[string, NonNullable<KeyResultView['lastCheckIn']>, KeyResultView['unit'], string]>([
    ['a count', { by: 'Dana Whitfield', delta: 1, at: ago(2) }, 'count', 'Dana logged +1 · 2 minutes ago'],
    [
      'money',
      { by: 'Priya Raman', delta: 10_000, at: ago(0.2) },
      'currency',
      'Priya logged +$10K · just now',
    ],
    ['a decrease', { by: 'Marco', delta: -3, at: ago(90) }, 'count', 'Marco logged −3 · 1 hour ago'],
    [
      'a percentage',
      { by: 'Sam Okafor', delta: 2.5, at: ago(60 * 24) },
      'percent',
      'Sam logged +2.5% · yesterday',
    ],
    ['a boolean', { by: 'Dana', delta: 1, at: ago(5) }, 'boolean', 'Dana logged done · 5 minutes ago'],
    [
      'someone not in the cache',
      { by: null, delta: 1, at: ago(3) },
      'count',
      'Someone logged +1 · 3 minutes ago',
    ],
    ['a blank name', { by: '  ', delta: 1, at: ago(3) }, 'count', 'Someone logged +1 · 3 minutes ago'],
  ])('%s', (_name, checkIn, unit, expected) => {
    expect(checkInText(checkIn, unit, NOW)).toBe(expected);
  });
});
