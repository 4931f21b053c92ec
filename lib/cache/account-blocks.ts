import { arrOf } from '../tiers/arr.ts';
import type { AccountBlock, AccountEntry, CachedAccount } from './rows.ts';

/** Entries per block: big enough that a first sync writes few rows, small enough that one lookup reads little. */
export const BLOCK_SIZE = 20;

export type BlockIndex = 'ids' | 'refKeys' | 'domainKeys' | 'nameKeys' | 'arrs';

/** A block of `entries`, with its index keys derived from them. */
export function toBlock(id: number, entries: AccountEntry[]): AccountBlock {
  const refKeys = new Set<string>();
  const domainKeys = new Set<string>();
  const nameKeys = new Set<string>();
  const arrs = new Set<number>();
  for (const { account } of entries) {
    if (!account) continue;
    for (const key of account.refKeys) refKeys.add(key);
    if (account.domainKey) domainKeys.add(account.domainKey);
    if (account.nameKey) nameKeys.add(account.nameKey);
    const arr = arrOf(account);
    if (arr !== undefined) arrs.add(arr);
  }
  return {
    id,
    entries,
    ids: entries.map((entry) => entry.id),
    refKeys: [...refKeys],
    domainKeys: [...domainKeys],
    nameKeys: [...nameKeys],
    arrs: [...arrs],
  };
}

/** Whether an account answers to `key` in `index`, the test a block found through that index is filtered by. */
export function accountHasKey(account: CachedAccount, index: BlockIndex, key: string | number): boolean {
  switch (index) {
    case 'ids':
      return account.id === key;
    case 'refKeys':
      return account.refKeys.includes(key as string);
    case 'domainKeys':
      return account.domainKey === key;
    case 'nameKeys':
      return account.nameKey === key;
    case 'arrs':
      return arrOf(account) === key;
  }
}
