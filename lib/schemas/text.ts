import { z } from 'zod';

/**
 * A NUL or half of a surrogate pair cannot be stored as Postgres text or jsonb, and renders as garbage
 * anyway, so every string of the wire format refuses them at the boundary, on the client and the server alike.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function unstorableCharacter(value: string): string | null {
  const found = UNSTORABLE.exec(value);
  if (found === null) return null;
  return found[0] === '\u0000' ? 'a NUL character' : 'half of a surrogate pair (a broken emoji)';
}

/** A string of at most `max` characters that Postgres can store. */
export function text(max: number) {
  return z
    .string()
    .max(max)
    .superRefine((value, ctx) => {
      const problem = unstorableCharacter(value);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: `contains ${problem}` });
    });
}
