import type { AdminCallResponse } from '@/lib/backend/admin-call.ts';

/** The backend's own words for a refusal, or what went wrong reaching it. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The body of a 2xx answer, or an Error carrying the backend's reason. */
export function bodyOf(answer: AdminCallResponse): unknown {
  if (answer.status < 300) return answer.body;
  const error = (answer.body as { error?: { message?: string } } | null)?.error;
  throw new Error(error?.message ?? `The backend answered ${answer.status}.`);
}
