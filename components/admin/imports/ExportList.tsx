import { useState } from 'react';
import { ADMIN_COLLECTION_NAMES, type AdminCollection } from '@/lib/schemas/index.ts';
import type { AdminClient } from '../admin-client.ts';
import { Refusal } from '../Refusal.tsx';
import { downloadText } from './download.ts';

/** One export per collection, each the template its import maps back unchanged. */
export function ExportList({ client }: { client: AdminClient }) {
  const [busy, setBusy] = useState<AdminCollection | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const exportOne = async (collection: AdminCollection) => {
    setBusy(collection);
    setRefusal(null);
    try {
      downloadText(`${collection}.csv`, await client.exportCsv(collection));
    } catch (error) {
      setRefusal(
        `The ${collection} export failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setBusy(null);
    }
  };
  return (
    <section aria-labelledby="exports-title">
      <h2 id="exports-title">Export</h2>
      <ul className="exports">
        {ADMIN_COLLECTION_NAMES.map((collection) => (
          <li key={collection}>
            <button type="button" disabled={busy !== null} onClick={() => void exportOne(collection)}>
              Export {collection}
            </button>
          </li>
        ))}
      </ul>
      <Refusal error={refusal} />
    </section>
  );
}
