import type { FieldErrors } from './field-errors.ts';

/** The problem with one field, beside it; the input points here with aria-describedby. */
export function FieldError({ errors, name, id }: { errors: FieldErrors; name: string; id: string }) {
  const message = errors[name];
  if (!message) return null;
  return (
    <span className="field-error" id={`${id}-error`}>
      {message}
    </span>
  );
}
