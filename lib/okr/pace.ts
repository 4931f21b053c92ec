type PaceStatus = 'on_track' | 'at_risk' | 'off_track';

export interface Pace {
  /** progress ÷ share of the period elapsed; null before the period starts. */
  ratio: number | null;
  status: PaceStatus;
}

const ON_TRACK = 0.95;
const AT_RISK = 0.75;

export function paceStatus(ratio: number): PaceStatus {
  if (ratio >= ON_TRACK) return 'on_track';
  if (ratio >= AT_RISK) return 'at_risk';
  return 'off_track';
}

export function keyResultPace(progress: number, periodStart: string, periodEnd: string, now: Date): Pace {
  const start = Date.parse(periodStart);
  const end = Date.parse(periodEnd);
  const elapsed = end > start ? Math.min(1, (now.getTime() - start) / (end - start)) : 1;
  // Nothing can be expected of a key result whose period has not begun.
  if (elapsed <= 0) return { ratio: null, status: 'on_track' };
  const ratio = progress / elapsed;
  return { ratio, status: paceStatus(ratio) };
}
