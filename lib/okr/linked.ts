import type { CachedKeyResult } from '../cache/rows.ts';
import type { Account } from '../schemas/entities.ts';

/**
 * How a key result is linked to an account (SPEC §3): by naming the account, or through the
 * account's tier; naming it wins. Null when it is not linked at all.
 */
export function linkOf(
  kr: Pick<CachedKeyResult, 'linkAccountIds' | 'linkTierIds'>,
  account: Pick<Account, 'id' | 'tierId'>,
): 'account' | 'tier' | null {
  if (kr.linkAccountIds.includes(account.id)) return 'account';
  return kr.linkTierIds.includes(account.tierId) ? 'tier' : null;
}
