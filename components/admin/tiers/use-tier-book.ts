import { useEffect, useState } from 'react';
import { groupMetrics, type PreviewBook } from '@/lib/admin/tier-preview.ts';
import type { Tier } from '@/lib/schemas/index.ts';
import type { AdminClient } from '../admin-client.ts';

export interface TierData {
  tiers: Tier[];
  book: PreviewBook;
  /** Account attributes present in the data, and `health`: what criteria can test. */
  attributeFields: string[];
  /** Metric definition keys and `health`: what benchmarks can test. */
  metricFields: string[];
}

/** The whole org through the admin API: the preview runs here, on what the panels will read. */
async function loadTierData(client: AdminClient): Promise<TierData> {
  const [tiers, accounts, metrics, definitions] = await Promise.all([
    client.list('tiers'),
    client.list('accounts'),
    client.list('metrics'),
    client.list('metricDefinitions'),
  ]);
  const attributes = new Set<string>();
  for (const account of accounts) for (const key of Object.keys(account.attributes)) attributes.add(key);
  return {
    tiers,
    book: {
      accounts,
      metricsByAccount: groupMetrics(metrics),
      definitions: new Map(definitions.map((definition) => [definition.key, definition])),
    },
    attributeFields: [...attributes, 'health'].sort(),
    metricFields: ['health', ...definitions.map((definition) => definition.key).sort()],
  };
}

export function useTierData(client: AdminClient) {
  const [data, setData] = useState<TierData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    void version;
    loadTierData(client).then(setData, setError);
  }, [client, version]);
  return { data, error, reload: () => setVersion((v) => v + 1) };
}
