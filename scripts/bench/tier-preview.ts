import { pathToFileURL } from 'node:url';
import { groupMetrics, type PreviewBook, previewTiers } from '../../lib/admin/tier-preview.ts';
import type { Snapshot, Tier } from '../../lib/schemas/index.ts';
import { classifyAccount } from '../../lib/tiers/account-check.ts';
import { rankTiers } from '../../lib/tiers/misalignment.ts';
import { benchSnapshot } from './generate.ts';

const RUNS = 5;
export const TIER_PREVIEW_BUDGET_MS = 1000;

export interface TierPreviewReport {
  accounts: number;
  metrics: number;
  runs: number;
  budgetMs: number;
  /** Median of RUNS previews of raising Tier 1's ARR threshold: both tierings, every account. */
  previewMs: number;
  /** Same run, same data: one pass classifying every account under the current tiers (what a book check does). */
  baselineMs: number;
  ratio: number;
  withinBudget: boolean;
  method: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timed(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

/** The admin workspace's tier preview over the bench's accounts (50 000 unless given), beside one plain pass. */
export function measureTierPreview(snapshot: Snapshot = benchSnapshot()): TierPreviewReport {
  const definitions = new Map(snapshot.metricDefinitions.map((d) => [d.key, d]));
  const book: PreviewBook = {
    accounts: snapshot.accounts,
    metricsByAccount: groupMetrics(snapshot.metrics),
    definitions,
  };
  const after: Tier[] = snapshot.tiers.map((tier) =>
    tier.rank === 1 ? { ...tier, criteria: { all: [{ field: 'arr', op: '>=', value: 500_000 }] } } : tier,
  );
  const ranked = rankTiers(snapshot.tiers);
  const baseline = () => {
    for (const account of snapshot.accounts) {
      classifyAccount(
        account,
        book.metricsByAccount.get(account.id) ?? [],
        { tiers: ranked, definitions },
        account.crmTier,
      );
    }
  };
  const preview = () => void previewTiers(book, snapshot.tiers, after);
  baseline();
  preview();
  const baselines: number[] = [];
  const previews: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    baselines.push(timed(baseline));
    previews.push(timed(preview));
  }
  const previewMs = Math.round(median(previews));
  const baselineMs = Math.round(median(baselines));
  return {
    accounts: snapshot.accounts.length,
    metrics: snapshot.metrics.length,
    runs: RUNS,
    budgetMs: TIER_PREVIEW_BUDGET_MS,
    previewMs,
    baselineMs,
    ratio: Math.round((previewMs / baselineMs) * 10) / 10,
    withinBudget: previewMs <= TIER_PREVIEW_BUDGET_MS,
    method:
      'previewTiers (lib/admin/tier-preview.ts) on the bench snapshot in Node’s V8, the engine of the Chromium ' +
      'page that runs it in the workspace, median of interleaved runs after one warm-up; the baseline is one ' +
      'classifyAccount pass over the same accounts in the same run.',
  };
}

// `tsx scripts/bench/tier-preview.ts` runs this piece alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(measureTierPreview(), null, 2));
}
