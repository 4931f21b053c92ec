import { useState } from 'react';
import { previewTiers, type TierPreview } from '@/lib/admin/tier-preview.ts';
import { ADMIN_COLLECTIONS, type Tier } from '@/lib/schemas/index.ts';
import type { AdminClient } from '../admin-client.ts';
import { Field } from '../Field.tsx';
import { fieldErrors } from '../field-errors.ts';
import { Refusal } from '../Refusal.tsx';
import { ConditionList } from './ConditionList.tsx';
import { PreviewView } from './PreviewView.tsx';
import { type TierDraft, tierOf } from './tier-draft.ts';
import type { TierData } from './use-tier-book.ts';

/** A tier's three lists of conditions: criteria on account attributes, benchmarks on metrics. */
const CONDITION_LISTS = [
  { part: 'all', legend: 'Criteria: all of', path: 'criteria.all' },
  { part: 'any', legend: 'Criteria: any of', path: 'criteria.any' },
  { part: 'benchmarks', legend: 'Benchmarks', path: 'benchmarks' },
] as const;

interface Props {
  client: AdminClient;
  data: TierData;
  /** The tier as it was read, null for a new one; its `updatedAt` guards the save. */
  stored: Tier | null;
  draft: TierDraft;
  onDraft(draft: TierDraft): void;
  onSaved(id: string): void;
}

export function TierEditor({ client, data, stored, draft, onDraft, onSaved }: Props) {
  const [checked, setChecked] = useState(false);
  const [preview, setPreview] = useState<{ result: TierPreview; ms: number; tiers: Tier[] } | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tier = tierOf(draft);
  const errors = checked ? fieldErrors(ADMIN_COLLECTIONS.tiers.schema, tier) : {};
  const valid = () => {
    setChecked(true);
    return Object.keys(fieldErrors(ADMIN_COLLECTIONS.tiers.schema, tier)).length === 0;
  };
  const change = (next: Partial<TierDraft>) => {
    onDraft({ ...draft, ...next });
    setPreview(null);
    setSaved(null);
  };

  const field = (name: 'id' | 'name' | 'rank' | 'description', label: string, extra: object = {}) => (
    <Field
      label={label}
      name={name}
      prefix="tier"
      value={draft[name]}
      errors={errors}
      onChange={(value) => change({ [name]: value })}
      {...extra}
    />
  );

  const runPreview = () => {
    if (!valid()) return;
    const after = [...data.tiers.filter((t) => t.id !== tier.id), tier as Tier];
    const started = performance.now();
    const result = previewTiers(data.book, data.tiers, after);
    setPreview({ result, ms: performance.now() - started, tiers: after });
  };

  const save = async () => {
    if (!valid()) return;
    setBusy(true);
    setRefusal(null);
    try {
      const expected = stored?.updatedAt ? { [stored.id]: stored.updatedAt } : undefined;
      await client.put('tiers', [tier], expected ? { expected } : {});
      setSaved(`Saved ${tier.name}. Open panels show the new tiering once they sync.`);
      onSaved(tier.id);
    } catch (error) {
      setRefusal(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="tier-editor" onSubmit={(e) => e.preventDefault()} noValidate>
      <h2>{stored ? `Edit ${stored.name}` : 'New tier'}</h2>
      <div className="tier-fields">
        {!stored && field('id', 'Id')}
        {field('name', 'Name')}
        {field('rank', 'Rank (1 = highest touch)', { inputMode: 'numeric' })}
        {field('description', 'Description')}
      </div>
      {CONDITION_LISTS.map((list) => (
        <ConditionList
          key={list.part}
          legend={list.legend}
          path={list.path}
          fieldKey={list.part === 'benchmarks' ? 'metric' : 'field'}
          fields={list.part === 'benchmarks' ? data.metricFields : data.attributeFields}
          rows={draft[list.part]}
          errors={errors}
          withLabel={list.part === 'benchmarks'}
          onChange={(rows) => change({ [list.part]: rows })}
        />
      ))}
      {checked && Object.keys(errors).length > 0 && (
        <p className="field-error" role="alert">
          Some fields need attention: see the messages beside them.
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={runPreview}>
          Preview
        </button>
        <button type="button" onClick={() => void save()} disabled={busy}>
          Save
        </button>
      </div>
      <Refusal error={refusal} />
      {saved && <p role="status">{saved}</p>}
      {preview && <PreviewView preview={preview.result} tiers={preview.tiers} ms={preview.ms} />}
    </form>
  );
}
