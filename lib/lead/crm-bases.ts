import type { CacheDb, CachedAccount } from '../cache/db.ts';
import { type CrmBase, learnCrmBases } from '../crm/record-url.ts';
import type { CrmName } from '../crm/types.ts';

const CHUNK_SIZE = 1_000;

/**
 * Where each CRM of the org lives, learnt from the first usable record URL in account id order, read
 * only as far as the CRMs asked about need: usually the first few accounts tell every host.
 */
export function createCrmBases(db: CacheDb) {
  const bases = new Map<CrmName, CrmBase>();
  let after: string | null = null;
  let done = false;
  let queue: Promise<unknown> = Promise.resolve();

  async function learn(needed: ReadonlySet<CrmName>): Promise<ReadonlyMap<CrmName, CrmBase>> {
    while (!done && [...needed].some((crm) => !bases.has(crm))) {
      const accounts: CachedAccount[] = await (after === null
        ? db.accounts.orderBy(':id')
        : db.accounts.where(':id').above(after)
      )
        .limit(CHUNK_SIZE)
        .toArray();
      for (const [crm, base] of learnCrmBases(accounts.flatMap((a) => a.crmRefs))) {
        if (!bases.has(crm)) bases.set(crm, base);
      }
      after = accounts.at(-1)?.id ?? after;
      done = accounts.length < CHUNK_SIZE;
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
