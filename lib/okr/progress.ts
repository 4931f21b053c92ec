import type { KeyResult } from '../schemas/entities.ts';

/**
 * Share of the way from start to target, unclamped: over-delivery shows above 1 and sliding
 * backwards shows below 0, which a CSM needs to see rather than a flattering 0–100%.
 */
export function keyResultProgress(kr: Pick<KeyResult, 'unit' | 'start' | 'target' | 'current'>): number {
  if (kr.unit === 'boolean') return kr.current === kr.target ? 1 : 0;
  const span = kr.target - kr.start;
  if (span === 0) return kr.current === kr.target ? 1 : 0;
  return (kr.current - kr.start) / span;
}
