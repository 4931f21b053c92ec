import { useState } from 'react';
import { type HealthPreview, type HealthShift, previewHealth } from '@/lib/admin/health-preview.ts';
import { ADMIN_COLLECTIONS, type MetricDefinition, PERSPECTIVES } from '@/lib/schemas/index.ts';
import { type Column, DataTable } from '../../table/DataTable.tsx';
import { FieldError } from '../FieldError.tsx';
import { describedBy, fieldErrors } from '../field-errors.ts';
import { Refusal } from '../Refusal.tsx';
import type { ScreenProps } from '../screen-props.ts';
import { useTierData } from '../tiers/use-tier-book.ts';

type Draft = Record<'label' | 'perspective' | 'unit' | 'direction' | 'good' | 'warn' | 'weight', string>;

const draftOf = (d: MetricDefinition): Draft => ({
  label: d.label,
  perspective: d.perspective,
  unit: d.unit,
  direction: d.direction,
  good: String(d.good),
  warn: String(d.warn),
  weight: String(d.weight),
});

const score = (value: number | null) => (value === null ? '—' : Math.round(value));

const SHIFT_COLUMNS: Column<HealthShift>[] = [
  { header: 'Account', rowHeader: true, cell: (shift) => shift.accountName },
  { header: 'Now', cell: (shift) => score(shift.before) },
  { header: 'After saving', cell: (shift) => score(shift.after) },
];

const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

function definitionOf(key: string, draft: Draft) {
  return {
    key,
    label: draft.label.trim(),
    perspective: draft.perspective as MetricDefinition['perspective'],
    unit: draft.unit.trim(),
    direction: draft.direction as MetricDefinition['direction'],
    good: num(draft.good),
    warn: num(draft.warn),
    weight: num(draft.weight),
  };
}

/** Metric definitions, with how every account's health score would shift before saving. */
export function MetricsScreen({ client }: ScreenProps) {
  const { data, error, reload } = useTierData(client);
  const [key, setKey] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [checked, setChecked] = useState(false);
  const [preview, setPreview] = useState<HealthPreview | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (error) return <p role="alert">Could not load the metrics: {String(error)}</p>;
  if (!data) return <p role="status">Loading metric definitions and accounts…</p>;
  const definitions = [...data.book.definitions.values()];
  const stored = key ? data.book.definitions.get(key) : undefined;
  const item = key && draft ? definitionOf(key, draft) : null;
  const errors = checked && item ? fieldErrors(ADMIN_COLLECTIONS.metricDefinitions.schema, item) : {};
  const valid = () => {
    setChecked(true);
    return !!item && Object.keys(fieldErrors(ADMIN_COLLECTIONS.metricDefinitions.schema, item)).length === 0;
  };
  const set = (field: keyof Draft, value: string) => {
    if (draft) setDraft({ ...draft, [field]: value });
    setPreview(null);
    setSaved(null);
  };
  const input = (field: keyof Draft, label: string, numeric = false) => (
    <label>
      {label}
      <input
        value={draft?.[field] ?? ''}
        inputMode={numeric ? 'decimal' : undefined}
        onChange={(e) => set(field, e.target.value)}
        {...describedBy(errors, field, `metric-${field}`)}
      />
      <FieldError errors={errors} name={field} id={`metric-${field}`} />
    </label>
  );
  const runPreview = () => {
    if (!valid() || !item) return;
    setPreview(previewHealth(data.book, new Map([...data.book.definitions, [item.key, item]])));
  };
  const save = async () => {
    if (!valid() || !item) return;
    setRefusal(null);
    try {
      await client.put(
        'metricDefinitions',
        [item],
        stored?.updatedAt ? { expected: { [item.key]: stored.updatedAt } } : {},
      );
      setSaved(`Saved ${item.label}.`);
      reload();
    } catch (caught) {
      setRefusal(caught);
    }
  };
  return (
    <section aria-labelledby="metrics-title">
      <h1 id="metrics-title">Metrics</h1>
      <ul className="tier-list" aria-label="Metric definitions">
        {definitions.map((d) => (
          <li key={d.key}>
            <button
              type="button"
              aria-pressed={d.key === key}
              onClick={() => {
                setKey(d.key);
                setDraft(draftOf(d));
                setChecked(false);
                setPreview(null);
                setRefusal(null);
              }}
            >
              {d.label}
            </button>
          </li>
        ))}
      </ul>
      {draft && key && (
        <form onSubmit={(e) => e.preventDefault()} noValidate>
          <h2>Edit {key}</h2>
          <div className="tier-fields">
            {input('label', 'Label')}
            <label>
              Perspective
              <select value={draft.perspective} onChange={(e) => set('perspective', e.target.value)}>
                {PERSPECTIVES.map((p) => (
                  <option key={p}>{p}</option>
                ))}
              </select>
            </label>
            {input('unit', 'Unit')}
            <label>
              Direction
              <select value={draft.direction} onChange={(e) => set('direction', e.target.value)}>
                <option value="higher_is_better">Higher is better</option>
                <option value="lower_is_better">Lower is better</option>
              </select>
            </label>
            {input('good', 'Good at', true)}
            {input('warn', 'Warn at', true)}
            {input('weight', 'Weight', true)}
          </div>
          <div className="actions">
            <button type="button" onClick={runPreview}>
              Preview
            </button>
            <button type="button" onClick={() => void save()}>
              Save
            </button>
          </div>
          <Refusal error={refusal} />
          {saved && <p role="status">{saved}</p>}
          {preview && (
            <section aria-labelledby="health-preview">
              <h2 id="health-preview">Preview</h2>
              <p role="status">
                {preview.changed} accounts’ health scores change; mean {score(preview.meanBefore)} →{' '}
                {score(preview.meanAfter)}.
              </p>
              {preview.shifts.length > 0 && (
                <DataTable
                  caption="Shifts, largest first"
                  columns={SHIFT_COLUMNS}
                  rows={preview.shifts}
                  rowKey={(shift) => shift.accountId}
                />
              )}
            </section>
          )}
        </form>
      )}
    </section>
  );
}
