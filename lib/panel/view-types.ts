import type { ErrorInfo } from '../errors.ts';
import type { PerspectiveScore, ScoredMetric } from '../health/health-score.ts';
import type { Pace } from '../okr/pace.ts';
import type { KeyResult, Objective, Perspective } from '../schemas/entities.ts';
import type { RecordProblem } from '../sync/validate-changes.ts';
import type { Misalignment } from '../tiers/misalignment.ts';

/** Everything the panel renders, computed by the background so the content script stays thin. */
export interface KeyResultView {
  id: string;
  title: string;
  unit: KeyResult['unit'];
  direction: KeyResult['direction'];
  start: number;
  target: number;
  current: number;
  progress: number;
  pace: Pace;
  dueDate: string | null;
  ownerName: string | null;
  confidence: number | null;
  quickLog: { label: string; delta: number };
  linkedBy: 'account' | 'tier';
  /** What this account's own logged outcomes added this period, including ones not yet sent. */
  accountContribution: number;
  /** The latest outcome on this account the backend settled: who (their name, if known), how much, when. */
  lastCheckIn: { by: string | null; delta: number; at: string } | null;
}

/** The account's outcomes the backend has not settled yet, so the panel can say so. */
export interface OutboxEntry {
  id: string;
  keyResultId: string;
  /** `undo_refused`: the backend kept the outcome although the user undid it; `reason` says why. */
  state: 'queued' | 'undoing' | 'rejected' | 'undo_refused';
  reason: string | null;
}

export interface ObjectiveGroup {
  id: string;
  title: string;
  level: Objective['level'];
  perspective: Perspective | null;
  periodEnd: string;
  keyResults: KeyResultView[];
}

export interface MetricView extends ScoredMetric {
  trend: number[];
}

export interface HealthView {
  score: number | null;
  perspectives: (Omit<PerspectiveScore, 'metrics'> & { metrics: MetricView[] })[];
  drag: { key: string; label: string; points: number } | null;
  trend: number[];
}

/** One way the account's tier is off, worded for the flag: a headline and the reasons behind it. */
export interface MisalignmentView {
  kind: Misalignment['kind'];
  /** Set for `tier_rules` only. */
  direction: 'over_served' | 'under_served' | null;
  /** "Under-served: expected Tier 1 Strategic", "CRM says Tier 1 Strategic", "Misses benchmarks". */
  title: string;
  reasons: string[];
}

/** The tier as the CRM records it, and where that came from: the CRM page's field or the last sync. */
export interface CrmTierView {
  value: string | null;
  source: 'page' | 'synced' | null;
  /** The field label the content script looks for on the CRM page (a setting). */
  fieldLabel: string;
}

export interface PanelView {
  account: {
    id: string;
    name: string;
    domain: string | null;
    ownerName: string | null;
    renewalDate: string | null;
  };
  tier: { id: string; name: string; rank: number; color: string | null } | null;
  objectives: ObjectiveGroup[];
  health: HealthView;
  outbox: OutboxEntry[];
  /** Empty when the account is aligned. */
  misalignments: MisalignmentView[];
  crmTier: CrmTierView;
}

export interface SyncSummary {
  lastSuccessAt: string | null;
  stale: boolean;
  error: ErrorInfo | null;
  problems: RecordProblem[];
}

/**
 * How the page's account was found: linked by the CRM record id (the normal case), or, where no
 * account is linked to that record, by the website or the exact name the CRM page shows (`value`).
 */
export type AccountMatch = { by: 'record' } | { by: 'website' | 'name'; value: string };

export type PanelAnswer =
  | { kind: 'account'; view: PanelView; match: AccountMatch; sync: SyncSummary }
  /** Several accounts share the page's website (or name): none is shown rather than a guess. */
  | { kind: 'ambiguous'; by: 'website' | 'name'; value: string; count: number; sync: SyncSummary }
  | { kind: 'unknown'; sync: SyncSummary }
  | { kind: 'not_configured'; sync: SyncSummary };
