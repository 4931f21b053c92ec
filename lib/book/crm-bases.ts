import { accountChunks } from '../cache/account-store.ts';
import type { CacheDb } from '../cache/db.ts';
import { type CrmBase, learnCrmBases } from '../crm/record-url.ts';
import type { CrmName } from '../crm/types.ts';

/** About 1 000 accounts a read. */
const ACCOUNTS_PER_CHUNK = 1_000;

/**
 * Where each CRM of the org lives, learnt from the first usable record URL in the order accounts are stored, read
 * only as far as the CRMs asked about need: usually the first few accounts tell every host.
 */
export function createCrmBases(db: CacheDb) {
  const bases = new Map<CrmName, CrmBase>();
  const chunks = accountChunks(db, ACCOUNTS_PER_CHUNK);
  let done = false;
  let queue: Promise<unknown> = Promise.resolve();

  async function learn(needed: ReadonlySet<CrmName>): Promise<ReadonlyMap<CrmName, CrmBase>> {
    while (!done && [...needed].some((crm) => !bases.has(crm))) {
      const chunk = await chunks.next();
      if (chunk.done) {
        done = true;
        break;
      }
      for (const [crm, base] of learnCrmBases(chunk.value.flatMap(({ account }) => account.crmRefs))) {
        if (!bases.has(crm)) bases.set(crm, base);
      }
    }
    return bases;
  }

  return {
    /** The bases known once each of `needed` is learnt or every account has been read. */
    basesFor(needed: ReadonlySet<CrmName>): Promise<ReadonlyMap<CrmName, CrmBase>> {
      const next = queue.then(
        () => learn(needed),
        () => learn(needed),
      );
      queue = next;
      return next;
    },
  };
}
