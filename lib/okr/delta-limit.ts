import type { KeyResult } from '../schemas/entities.ts';
import { decimalPlaces, exactAdd } from './exact-add.ts';

/** A delta may be at most this many times the key result's start–target span. */
const MAX_SPANS = 10;
/** Finer steps than this are noise from a slider or a typo, and make exact sums run out of digits. */
const MAX_DECIMAL_PLACES = 4;
/** Percent key results count percent points: below −100 % or above 1000 % is a slip of the keyboard. */
const PERCENT_RANGE = { low: -100, high: 1000 } as const;

/** Why a sum is refused even within range: see exactAdd. */
export const INEXACT_SUM = 'delta: the sum has more digits than the key result can hold exactly';

type Bounds = Pick<KeyResult, 'unit' | 'start' | 'target'>;

/** The span that deltas are measured against; a KR with start = target still allows steps of 1. */
function span(kr: Bounds): number {
  return Math.max(Math.abs(kr.target - kr.start), 1);
}

/** The values `current` may take: around start and target by `MAX_SPANS` spans, narrower for percents. */
export function currentRange(kr: Bounds): { low: number; high: number } {
  if (kr.unit === 'boolean') return { low: 0, high: 1 };
  const edge = MAX_SPANS * span(kr);
  let low = Math.min(kr.start, kr.target) - edge;
  let high = Math.max(kr.start, kr.target) + edge;
  if (kr.unit === 'percent') {
    // Never narrower than start and target themselves, whatever an admin set them to.
    low = Math.max(low, Math.min(PERCENT_RANGE.low, kr.start, kr.target));
    high = Math.min(high, Math.max(PERCENT_RANGE.high, kr.start, kr.target));
  }
  return { low, high };
}

function distanceOutside(value: number, range: { low: number; high: number }): number {
  return value < range.low ? range.low - value : value > range.high ? value - range.high : 0;
}

/**
 * Why logging `delta` on `kr` is refused, or null when it may be applied. The same rule runs in the
 * extension before an outcome is queued and on the server before it is applied.
 */
export function deltaProblem(
  kr: Pick<KeyResult, 'unit' | 'start' | 'target' | 'current'>,
  delta: number,
): string | null {
  if (!Number.isFinite(delta)) return 'delta: must be a finite number';
  if (kr.unit === 'boolean' && delta !== 1 && delta !== -1)
    return 'delta: must be 1 or -1 on a yes/no key result';
  if (kr.unit === 'count' && !Number.isInteger(delta))
    return 'delta: must be a whole number on a count key result';
  if (decimalPlaces(delta) > MAX_DECIMAL_PLACES)
    return `delta: more than ${MAX_DECIMAL_PLACES} decimal places`;
  const limit = MAX_SPANS * span(kr);
  if (Math.abs(delta) > limit)
    return `delta: more than ${MAX_SPANS} times the key result's span (at most ±${limit})`;
  const next = exactAdd(kr.current, delta);
  if (next === null) return INEXACT_SUM;
  const range = currentRange(kr);
  // A KR already outside its range (an import, a changed target) may still move back towards it.
  if (distanceOutside(next, range) > 0 && distanceOutside(next, range) >= distanceOutside(kr.current, range))
    return `delta: would move the key result to ${next}, outside its range ${range.low} to ${range.high}`;
  return null;
}
