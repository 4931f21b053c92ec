import type { ReactNode } from 'react';
import { FieldError } from './FieldError.tsx';
import { describedBy, type FieldErrors } from './field-errors.ts';

interface Props {
  label: string;
  name: string;
  prefix: string;
  value: string;
  errors: FieldErrors;
  /** The error's key when it differs from `name` ("quickLog.label"). */
  errorKey?: string;
  type?: string;
  inputMode?: 'numeric' | 'decimal';
  options?: { value: string; label: string }[];
  onChange(value: string): void;
  hint?: ReactNode;
}

/** One labelled input or select with its problem beside it. */
export function Field({
  label,
  name,
  prefix,
  value,
  errors,
  errorKey,
  type,
  inputMode,
  options,
  onChange,
  hint,
}: Props) {
  const key = errorKey ?? name;
  const id = `${prefix}-${name}`;
  const aria = describedBy(errors, key, id);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {options ? (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...aria}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type={type ?? 'text'}
          inputMode={inputMode}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          {...aria}
        />
      )}
      {hint}
      <FieldError errors={errors} name={key} id={id} />
    </div>
  );
}
