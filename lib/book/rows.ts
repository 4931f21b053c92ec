import { readAccounts } from '../cache/account-store.ts';
import type { CacheDb } from '../cache/db.ts';
import { accountRecordLink, crmsNeedingBase } from '../crm/record-url.ts';
import type { CrmName } from '../crm/types.ts';
import { toMisalignmentView } from '../panel/misalignment-view.ts';
import { loadSettings } from '../settings/store.ts';
import { checkAccount } from '../tiers/account-check.ts';
import type { BookLookups } from './classify.ts';
import { createCrmBases } from './crm-bases.ts';
import type { BookEntry, MisalignedAccount } from './types.ts';

/**
 * The rows the side panel shows, with their reasons and links, written when a window of them is
 * asked for and kept for the book's lifetime: scrolling back costs nothing, and the rows nobody
 * looks at never get their reasons written.
 */
export function createBookRows(db: CacheDb, lookups: BookLookups) {
  const written = new Map<string, MisalignedAccount>();
  const bases = createCrmBases(db);

  async function write(entries: readonly BookEntry[]): Promise<void> {
    const ids = entries.map((entry) => entry.id);
    const [read, { customDomains }] = await Promise.all([readAccounts(db, ids), loadSettings(db)]);
    const needed = new Set<CrmName>();
    for (const found of read)
      for (const crm of crmsNeedingBase(found?.account.crmRefs ?? [], customDomains)) needed.add(crm);
    const known = await bases.basesFor(needed);
    entries.forEach((entry, i) => {
      const account = read[i]?.account;
      const found = account
        ? checkAccount(account, read[i]?.metrics ?? [], lookups.book, account.crmTier)
        : [];
      written.set(entry.id, {
        ...entry,
        // An account deleted since it was classified keeps its kinds, without reasons to show.
        misalignments: account
          ? found.map((m) => toMisalignmentView(m, lookups.tiers))
          : entry.misalignments.map((m) => ({ ...m, title: 'Removed since the last sync', reasons: [] })),
        record: account ? accountRecordLink(account.crmRefs, known, customDomains) : null,
      });
    });
  }

  return {
    async rows(entries: readonly BookEntry[]): Promise<MisalignedAccount[]> {
      const missing = entries.filter((entry) => !written.has(entry.id));
      if (missing.length) await write(missing);
      return entries.map((entry) => written.get(entry.id) as MisalignedAccount);
    },
  };
}
