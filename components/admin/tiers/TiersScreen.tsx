import { useState } from 'react';
import type { ScreenProps } from '../screen-props.ts';
import { TierEditor } from './TierEditor.tsx';
import { draftOf, emptyDraft, type TierDraft } from './tier-draft.ts';
import { useTierData } from './use-tier-book.ts';

/** Tiers: criteria and benchmarks as conditions, previewed on the whole org before saving. */
export function TiersScreen({ client }: ScreenProps) {
  const { data, error, reload } = useTierData(client);
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState<TierDraft | null>(null);
  if (error) {
    return (
      <p role="alert">Could not load the tiers: {error instanceof Error ? error.message : String(error)}</p>
    );
  }
  if (!data) return <p role="status">Loading tiers and accounts…</p>;
  const ranked = [...data.tiers].sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : 1));
  const stored = data.tiers.find((tier) => tier.id === selected) ?? null;
  const open = (id: string | null) => {
    setSelected(id);
    const tier = data.tiers.find((t) => t.id === id);
    setDraft(tier ? draftOf(tier) : emptyDraft((ranked.at(-1)?.rank ?? 0) + 1));
  };
  return (
    <section className="tiers-screen" aria-labelledby="tiers-title">
      <h1 id="tiers-title">Tiers</h1>
      <p>
        {data.book.accounts.length} accounts. Change a tier’s criteria or benchmarks, press Preview to see
        what would change, then Save.
      </p>
      <ul className="tier-list" aria-label="Tiers">
        {ranked.map((tier) => (
          <li key={tier.id}>
            <button type="button" aria-pressed={tier.id === selected} onClick={() => open(tier.id)}>
              {tier.rank}. {tier.name}
            </button>
          </li>
        ))}
        <li>
          <button type="button" aria-pressed={selected === null && draft !== null} onClick={() => open(null)}>
            New tier
          </button>
        </li>
      </ul>
      {draft && (
        <TierEditor
          key={selected ?? '(new)'}
          client={client}
          data={data}
          stored={stored}
          draft={draft}
          onDraft={setDraft}
          onSaved={(id) => {
            setSelected(id);
            reload();
          }}
        />
      )}
    </section>
  );
}
