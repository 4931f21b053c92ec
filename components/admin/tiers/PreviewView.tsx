import type { MisalignmentChange, TierPreview } from '@/lib/admin/tier-preview.ts';
import type { Tier } from '@/lib/schemas/index.ts';
import { type Column, DataTable } from '../../table/DataTable.tsx';

const KIND_NAMES: Record<MisalignmentChange['kind'], string> = {
  tier_rules: 'Tier rules',
  crm_field: 'CRM field',
  benchmark: 'Benchmarks',
};

const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

const CHANGE_COLUMNS: Column<MisalignmentChange>[] = [
  { header: 'Account', cell: (row) => row.accountName },
  { header: 'ARR', cell: (row) => (row.arr === null ? '—' : money.format(row.arr)) },
  { header: 'Kind', cell: (row) => KIND_NAMES[row.kind] },
  // Only the rows drawn are explained: a preview of 50 000 changes explains the few on screen.
  { header: 'Why', cell: (row) => row.explain().join('; ') },
];

function Changes({ title, rows }: { title: string; rows: MisalignmentChange[] }) {
  return (
    <section aria-label={title}>
      <h3>
        {title}: {rows.length}
      </h3>
      {rows.length > 0 && (
        <DataTable
          caption={`${title}, highest ARR first`}
          hideCaption
          columns={CHANGE_COLUMNS}
          rows={rows}
          rowKey={(row) => `${row.accountId}:${row.kind}`}
        />
      )}
    </section>
  );
}

/** What saving would change, before anything is saved. */
export function PreviewView({ preview, tiers, ms }: { preview: TierPreview; tiers: Tier[]; ms: number }) {
  const nameOf = (id: string | null) =>
    id === null ? 'No tier matches' : (tiers.find((tier) => tier.id === id)?.name ?? id);
  return (
    <section className="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">Preview</h2>
      <p role="status">
        {preview.changedExpectedTier} accounts change expected tier; {preview.appear.length} misalignments
        appear and {preview.clear.length} clear. (Computed in {Math.round(ms)} ms.)
      </p>
      <DataTable
        caption="Accounts per expected tier"
        columns={[
          { header: 'Tier', rowHeader: true, cell: (row) => nameOf(row.tierId) },
          { header: 'Now', cell: (row) => row.before },
          { header: 'After saving', cell: (row) => row.after },
        ]}
        rows={preview.counts}
        rowKey={(row) => row.tierId ?? '(none)'}
        rowProps={(row) => ({ 'data-tier': row.tierId ?? '' })}
      />
      <Changes title="Misalignments that appear" rows={preview.appear} />
      <Changes title="Misalignments that clear" rows={preview.clear} />
    </section>
  );
}
