import type { CacheDb } from '../cache/db.ts';
import type { CachedAccount, CachedMetric } from '../cache/rows.ts';
import { checkAccount } from '../tiers/account-check.ts';
import { toMisalignmentView } from './misalignment-view.ts';
import type { CrmTierView, MisalignmentView } from './view-types.ts';

export interface CrmTierInput {
  /** The value the CRM page shows in its tier field, when the content script found one. */
  fromPage?: string | undefined;
  fieldLabel: string;
}

/** The panel header's flag: the CRM page's tier wins over the synced one, which may be older. */
export async function buildMisalignments(
  db: CacheDb,
  account: CachedAccount,
  crmTier: CrmTierInput,
  accountMetrics: Promise<CachedMetric[]>,
): Promise<{ misalignments: MisalignmentView[]; crmTier: CrmTierView }> {
  const [tiers, metrics, definitionRows] = await Promise.all([
    db.tiers.toArray(),
    accountMetrics,
    db.metricDefinitions.toArray(),
  ]);
  const fromPage = crmTier.fromPage?.trim() || null;
  const value = fromPage ?? account.crmTier ?? null;
  const book = { tiers, definitions: new Map(definitionRows.map((d) => [d.key, d])) };
  const found = checkAccount(account, metrics, book, value);
  return {
    misalignments: found.map((m) => toMisalignmentView(m, tiers, fromPage ? crmTier.fieldLabel : undefined)),
    crmTier: {
      value,
      source: fromPage ? 'page' : value ? 'synced' : null,
      fieldLabel: crmTier.fieldLabel,
    },
  };
}
