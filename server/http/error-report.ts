import type { Context } from 'hono';

/**
 * What an unexpected error is logged as: where it happened and what went wrong, but never a query's
 * parameters, the request's query string or body, or values quoted in a database message, which can
 * hold a user's note or another person's data.
 */
export interface ErrorReport {
  method: string;
  path: string;
  name: string;
  /** A database error's SQLSTATE, when there is one. */
  code?: string;
  message: string;
  stack?: string;
}

const QUOTED = /"[^"]*"|'[^']*'|\([^)]*\)=\([^)]*\)/g;

function scrub(text: string): string {
  return text.replace(QUOTED, '…');
}

export function errorReport(c: Context, error: unknown): ErrorReport {
  const known = error instanceof Error ? error : new Error(String(error));
  const code = (known as { code?: unknown }).code;
  const message = scrub(known.message);
  return {
    method: c.req.method,
    // The path as routed; the query string is left out, since it can carry what a user typed.
    path: c.req.path,
    name: known.name,
    ...(typeof code === 'string' ? { code } : {}),
    message,
    ...(known.stack ? { stack: [message, ...known.stack.split('\n').slice(1)].join('\n') } : {}),
  };
}
