import { Outcome } from '../schemas/entities.ts';

/**
 * What the backend would refuse in this outcome, in the words of the schema both sides share
 * (`note: contains a NUL character`), or null when it is fine to send.
 */
export function outcomeProblem(outcome: unknown): string | null {
  const parsed = Outcome.safeParse(outcome);
  if (parsed.success) return null;
  return parsed.error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
