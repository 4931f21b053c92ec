import type { z } from 'zod';
import { Outcome, type OutcomesResponse } from '../../lib/schemas/index.ts';

type Result = OutcomesResponse['results'][number];

/** One item of a batch: valid, with its id lowercased, or already answered. */
type Item = { index: number; sentId: string; outcome: Outcome } | { index: number; result: Result };

/** "note: contains a NUL character; delta: Invalid input: expected number, received string". */
function reasonOf(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length === 0 ? 'outcome' : issue.path.join('.')}: ${issue.message}`)
    .join('; ');
}

/**
 * Checks each item on its own. Results are matched by id, so an invalid item echoes the id it was sent
 * with when that is a string, and its index in the batch ("3") when it has none; results also keep
 * the request's order. UUIDs are stored lowercased: an uppercase copy is the same outcome.
 */
export function checkItem(item: Record<string, unknown>, index: number): Item {
  const sentId = typeof item.id === 'string' ? item.id : String(index);
  const parsed = Outcome.safeParse(item);
  if (!parsed.success) {
    return { index, result: { id: sentId, status: 'rejected', reason: reasonOf(parsed.error) } };
  }
  return { index, sentId, outcome: { ...parsed.data, id: parsed.data.id.toLowerCase() } };
}
