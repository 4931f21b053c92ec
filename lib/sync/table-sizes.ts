import type { SizeDelta } from '../cache/block-writer.ts';

/**
 * How many accounts and metrics the cache holds. Counting means reading every block, so they are
 * counted once and then kept up to date page by page, stored with the cursor.
 */
export interface TableSizes {
  accounts: number;
  metrics: number;
}

export const TABLE_SIZES_KEY = 'sync.tableSizes';

export function addSizes(sizes: TableSizes, delta: SizeDelta): TableSizes {
  return { accounts: sizes.accounts + delta.accounts, metrics: sizes.metrics + delta.metrics };
}
