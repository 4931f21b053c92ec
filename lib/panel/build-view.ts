import { readMetrics } from '../cache/account-store.ts';
import type { CacheDb } from '../cache/db.ts';
import type { CachedAccount } from '../cache/rows.ts';
import { healthScore, scoreMetrics } from '../health/health-score.ts';
import { healthTrend } from '../health/health-trend.ts';
import { isArchived } from '../okr/archived.ts';
import { linkOf } from '../okr/linked.ts';
import { optimisticValue } from '../okr/optimistic.ts';
import { keyResultPace } from '../okr/pace.ts';
import { owedDelta } from '../outbox/types.ts';
import { DEFAULT_QUICK_LOG, type Metric, type Outcome } from '../schemas/entities.ts';
import { buildMisalignments, type CrmTierInput } from './build-misalignments.ts';
import type { HealthView, KeyResultView, ObjectiveGroup, PanelView } from './view-types.ts';

const TREND_POINTS = 12;

/** A period given as a date ends at the end of that day, not at its first instant. */
function periodEndOfDay(periodEnd: string): string {
  return periodEnd.length === 10 ? `${periodEnd}T23:59:59.999Z` : periodEnd;
}

/** A key result is linked to an account directly or through the account's tier. */
async function linkedKeyResults(db: CacheDb, account: CachedAccount) {
  // The indexes find the candidates; `linkOf` says how each is linked (one rule, SPEC §3).
  const [direct, byTier] = await Promise.all([
    db.keyResults.where('linkAccountIds').equals(account.id).toArray(),
    db.keyResults.where('linkTierIds').equals(account.tierId).toArray(),
  ]);
  const candidates = new Map([...byTier, ...direct].map((kr) => [kr.id, kr]));
  return [...candidates.values()].flatMap((kr) => {
    const linkedBy = linkOf(kr, account);
    return linkedBy ? [{ kr, linkedBy }] : [];
  });
}

async function buildHealth(db: CacheDb, accountMetrics: Promise<Metric[]>): Promise<HealthView> {
  const [metrics, definitionRows] = await Promise.all([accountMetrics, db.metricDefinitions.toArray()]);
  const definitions = new Map(definitionRows.map((d) => [d.key, d]));
  const health = healthScore(scoreMetrics(metrics, definitions));
  const byKey = new Map<string, Metric>(metrics.map((m) => [m.key, m]));
  const metricTrend = (key: string) =>
    (byKey.get(key)?.history ?? []).slice(-TREND_POINTS).map((h) => h.value);
  return {
    score: health.score,
    drag: health.drag,
    trend: healthTrend(metrics, definitions)
      .slice(-TREND_POINTS)
      .map((point) => point.score),
    perspectives: health.perspectives.map((p) => ({
      ...p,
      metrics: p.metrics.map((m) => ({ ...m, trend: metricTrend(m.key) })),
    })),
  };
}

export async function buildPanelView(
  db: CacheDb,
  account: CachedAccount,
  now: Date,
  crmTier: CrmTierInput,
): Promise<PanelView> {
  // Read once: the health section and the misalignment flag both score them.
  const metrics = readMetrics(db, account.id);
  const [tier, owner, links, health, pendingRows, accountOutcomes, alignment] = await Promise.all([
    db.tiers.get(account.tierId),
    account.ownerId ? db.users.get(account.ownerId) : undefined,
    linkedKeyResults(db, account),
    buildHealth(db, metrics),
    db.outbox.toArray(),
    db.outcomes.where('accountId').equals(account.id).toArray(),
    buildMisalignments(db, account, crmTier, metrics),
  ]);
  const pending = pendingRows.map(owedDelta);
  const objectiveIds = [...new Set(links.map((l) => l.kr.objectiveId))];
  const latest = latestOutcomes(accountOutcomes);
  const ownerIds = [
    ...new Set([
      ...links.flatMap((l) => (l.kr.ownerId ? [l.kr.ownerId] : [])),
      ...[...latest.values()].map((o) => o.loggedBy),
    ]),
  ];
  const [objectives, owners] = await Promise.all([
    db.objectives.bulkGet(objectiveIds),
    db.users.bulkGet(ownerIds),
  ]);
  const ownerName = new Map(owners.flatMap((u) => (u ? [[u.id, u.name] as const] : [])));

  const groups = new Map<string, ObjectiveGroup>();
  for (const objective of objectives) {
    // A finished objective leaves the panel; its key results, left without a group, go with it below.
    if (!objective || isArchived(objective)) continue;
    groups.set(objective.id, {
      id: objective.id,
      title: objective.title,
      level: objective.level,
      perspective: objective.perspective ?? null,
      periodEnd: objective.periodEnd,
      keyResults: [],
    });
  }
  const objectiveById = new Map(objectives.flatMap((o) => (o ? [[o.id, o] as const] : [])));
  for (const { kr, linkedBy } of links) {
    const objective = objectiveById.get(kr.objectiveId);
    const group = groups.get(kr.objectiveId);
    if (!objective || !group) continue;
    const inPeriod = (at: string) => at >= objective.periodStart && at <= periodEndOfDay(objective.periodEnd);
    const settled = accountOutcomes.filter((o) => o.keyResultId === kr.id && inPeriod(o.occurredAt));
    const { current, progress, accountContribution } = optimisticValue(
      kr,
      { id: account.id, contribution: settled.reduce((sum, o) => sum + o.delta, 0) },
      pending,
    );
    const view: KeyResultView = {
      id: kr.id,
      title: kr.title,
      unit: kr.unit,
      direction: kr.direction,
      start: kr.start,
      target: kr.target,
      current,
      progress,
      pace: keyResultPace(progress, objective.periodStart, objective.periodEnd, now),
      dueDate: kr.dueDate ?? null,
      ownerName: kr.ownerId ? (ownerName.get(kr.ownerId) ?? null) : null,
      confidence: kr.confidence ?? null,
      quickLog: kr.quickLog ?? DEFAULT_QUICK_LOG,
      linkedBy,
      accountContribution,
      lastCheckIn: checkInOf(latest.get(kr.id), ownerName),
    };
    group.keyResults.push(view);
  }
  const levelOrder = { company: 0, team: 1, individual: 2 } as const;
  const sortedGroups = [...groups.values()]
    .filter((g) => g.keyResults.length > 0)
    .sort((a, b) => levelOrder[a.level] - levelOrder[b.level] || a.title.localeCompare(b.title));
  for (const group of sortedGroups) group.keyResults.sort((a, b) => a.title.localeCompare(b.title));

  return {
    account: {
      id: account.id,
      name: account.name,
      domain: account.domain ?? null,
      ownerName: owner?.name ?? null,
      renewalDate: account.renewalDate ?? null,
    },
    tier: tier ? { id: tier.id, name: tier.name, rank: tier.rank, color: tier.color ?? null } : null,
    objectives: sortedGroups,
    health,
    outbox: pendingRows
      .filter((row) => row.outcome.accountId === account.id)
      .map((row) => ({
        id: row.id,
        keyResultId: row.outcome.keyResultId,
        state:
          row.status === 'rejected'
            ? row.undo
              ? 'undo_refused'
              : 'rejected'
            : row.undo
              ? 'undoing'
              : 'queued',
        reason: row.reason ?? null,
      })),
    ...alignment,
  };
}

/** The latest settled outcome of each key result, among one account's. */
function latestOutcomes(outcomes: readonly Outcome[]): Map<string, Outcome> {
  const latest = new Map<string, Outcome>();
  for (const outcome of outcomes) {
    const seen = latest.get(outcome.keyResultId);
    if (!seen || outcome.occurredAt > seen.occurredAt) latest.set(outcome.keyResultId, outcome);
  }
  return latest;
}

function checkInOf(
  outcome: Outcome | undefined,
  names: ReadonlyMap<string, string>,
): KeyResultView['lastCheckIn'] {
  if (!outcome) return null;
  return { by: names.get(outcome.loggedBy) ?? null, delta: outcome.delta, at: outcome.occurredAt };
}
