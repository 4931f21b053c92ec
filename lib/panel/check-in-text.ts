import { formatAge } from '../format/relative-time.ts';
import { formatKeyResultValue } from '../format/values.ts';
import type { KeyResultView } from './view-types.ts';

/** "Dana logged +1 · 2 minutes ago": who, how much and when, from the latest outcome the cache holds. */
export function checkInText(
  checkIn: NonNullable<KeyResultView['lastCheckIn']>,
  unit: KeyResultView['unit'],
  now: Date,
): string {
  const who = checkIn.by?.trim().split(/\s+/)[0] || 'Someone';
  const amount =
    unit === 'boolean'
      ? checkIn.delta > 0
        ? 'done'
        : 'not done'
      : `${checkIn.delta < 0 ? '−' : '+'}${formatKeyResultValue(unit, Math.abs(checkIn.delta))}`;
  return `${who} logged ${amount} · ${formatAge(checkIn.at, now)}`;
}
