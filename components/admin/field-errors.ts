import type { z } from 'zod';

/** Every problem zod finds, keyed by the field's path ("criteria.all.0.value"), in the schema's words. */
export type FieldErrors = Record<string, string>;

export function fieldErrors(schema: z.ZodType, value: unknown): FieldErrors {
  const parsed = schema.safeParse(value);
  if (parsed.success) return {};
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Props that tie an input to the message beside it, for screen readers. */
export function describedBy(errors: FieldErrors, key: string, id: string) {
  return errors[key] ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};
}
