import { FieldError } from '../FieldError.tsx';
import { describedBy, type FieldErrors } from '../field-errors.ts';
import { newRow, OPS, type RowDraft } from './tier-draft.ts';

interface Props {
  legend: string;
  /** Where the rows sit in the tier, for their errors: "criteria.all", "benchmarks". */
  path: string;
  /** The property naming the field in the schema: `field` for criteria, `metric` for benchmarks. */
  fieldKey: 'field' | 'metric';
  fields: string[];
  rows: RowDraft[];
  errors: FieldErrors;
  withLabel?: boolean;
  onChange(rows: RowDraft[]): void;
}

/** Conditions as rows of field, operator and value: what a tier's criteria and benchmarks are made of. */
export function ConditionList({ legend, path, fieldKey, fields, rows, errors, withLabel, onChange }: Props) {
  const update = (key: number, change: Partial<RowDraft>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const id = path.replace(/\W/g, '-');
  return (
    <fieldset className="condition-list">
      <legend>{legend}</legend>
      {rows.length === 0 && <p className="hint">None.</p>}
      {rows.map((row, index) => {
        const base = `${path}.${index}`;
        const rowId = `${id}-${row.key}`;
        const choices = fields.includes(row.field) || !row.field ? fields : [row.field, ...fields];
        return (
          <div className="condition-row" key={row.key}>
            <label>
              {fieldKey === 'metric' ? 'Metric' : 'Field'}
              <select
                value={row.field}
                onChange={(e) => update(row.key, { field: e.target.value })}
                {...describedBy(errors, `${base}.${fieldKey}`, `${rowId}-field`)}
              >
                <option value="">Choose…</option>
                {choices.map((field) => (
                  <option key={field} value={field}>
                    {field}
                  </option>
                ))}
              </select>
              <FieldError errors={errors} name={`${base}.${fieldKey}`} id={`${rowId}-field`} />
            </label>
            <label>
              Operator
              <select
                value={row.op}
                onChange={(e) => update(row.key, { op: e.target.value as RowDraft['op'] })}
              >
                {OPS.map((op) => (
                  <option key={op} value={op}>
                    {op === 'in' ? 'is one of' : op}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Value{row.op === 'in' ? ' (comma-separated)' : ''}
              <input
                value={row.value}
                onChange={(e) => update(row.key, { value: e.target.value })}
                {...describedBy(errors, `${base}.value`, `${rowId}-value`)}
              />
              <FieldError errors={errors} name={`${base}.value`} id={`${rowId}-value`} />
            </label>
            {withLabel && (
              <label>
                Label
                <input value={row.label} onChange={(e) => update(row.key, { label: e.target.value })} />
              </label>
            )}
            <button
              type="button"
              aria-label={`Remove ${legend.toLowerCase()} condition ${index + 1}`}
              onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
            >
              Remove
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...rows, newRow()])}>
        Add {fieldKey === 'metric' ? 'benchmark' : 'condition'}
      </button>
    </fieldset>
  );
}
