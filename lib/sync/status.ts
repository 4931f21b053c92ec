import type { ErrorInfo } from '../errors.ts';
import type { RecordProblem } from './validate-changes.ts';

export interface CacheCounts {
  accounts: number;
  keyResults: number;
  metrics: number;
  tiers: number;
  objectives: number;
  users: number;
  /** Outcomes logged here that the backend has not settled yet. */
  pendingOutcomes: number;
}

export interface SyncStatus {
  state: 'never' | 'syncing' | 'ok' | 'error';
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: (ErrorInfo & { at: string }) | null;
  /** Records of the latest sync that failed validation; the cache kept their last good version. */
  problems: RecordProblem[];
  counts: CacheCounts;
  nextRetryAt: string | null;
}

export const INITIAL_SYNC_STATUS: SyncStatus = {
  state: 'never',
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
  problems: [],
  counts: { accounts: 0, keyResults: 0, metrics: 0, tiers: 0, objectives: 0, users: 0, pendingOutcomes: 0 },
  nextRetryAt: null,
};
