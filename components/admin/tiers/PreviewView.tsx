import type { MisalignmentChange, TierPreview } from '@/lib/admin/tier-preview.ts';
import type { Tier } from '@/lib/schemas/index.ts';

const KIND_NAMES: Record<MisalignmentChange['kind'], string> = {
  tier_rules: 'Tier rules',
  crm_field: 'CRM field',
  benchmark: 'Benchmarks',
};

const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function Changes({ title, rows, total }: { title: string; rows: MisalignmentChange[]; total: number }) {
  return (
    <section aria-label={title}>
      <h4>
        {title}: {total}
      </h4>
      {rows.length > 0 && (
        <table>
          <caption className="visually-hidden">{title}, highest ARR first</caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">ARR</th>
              <th scope="col">Kind</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.accountId}:${row.kind}`}>
                <td>{row.accountName}</td>
                <td>{row.arr === null ? '—' : money.format(row.arr)}</td>
                <td>{KIND_NAMES[row.kind]}</td>
                <td>{row.reasons.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > rows.length && <p className="hint">The {rows.length} with the highest ARR are shown.</p>}
    </section>
  );
}

/** What saving would change, before anything is saved. */
export function PreviewView({ preview, tiers, ms }: { preview: TierPreview; tiers: Tier[]; ms: number }) {
  const nameOf = (id: string | null) =>
    id === null ? 'No tier matches' : (tiers.find((tier) => tier.id === id)?.name ?? id);
  return (
    <section className="preview" aria-labelledby="preview-title">
      <h3 id="preview-title">Preview</h3>
      <p role="status">
        {preview.changedExpectedTier} accounts change expected tier; {preview.appearTotal} misalignments
        appear and {preview.clearTotal} clear. (Computed in {Math.round(ms)} ms.)
      </p>
      <table>
        <caption>Accounts per expected tier</caption>
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col">Now</th>
            <th scope="col">After saving</th>
          </tr>
        </thead>
        <tbody>
          {preview.counts.map((row) => (
            <tr key={row.tierId ?? '(none)'} data-tier={row.tierId ?? ''}>
              <th scope="row">{nameOf(row.tierId)}</th>
              <td>{row.before}</td>
              <td>{row.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Changes title="Misalignments that appear" rows={preview.appear} total={preview.appearTotal} />
      <Changes title="Misalignments that clear" rows={preview.clear} total={preview.clearTotal} />
    </section>
  );
}
