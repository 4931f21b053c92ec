import type { Context } from 'hono';
import { ApiHttpError } from './errors.ts';

/** Sent by the admin workspace on every write, so provenance and the audit log say where it came from. */
export const SOURCE_HEADER = 'X-Goal-Lens-Source';

/**
 * The path an admin write came through: `workspace` when the workspace says so, otherwise `fallback`.
 * Any other value is refused rather than ignored, so a typo never records a write as the wrong path.
 */
export function adminWriteSource<F extends 'api' | 'csv'>(c: Context, fallback: F): F | 'workspace' {
  const claimed = c.req.header(SOURCE_HEADER);
  if (claimed === undefined || claimed === '') return fallback;
  if (claimed === 'workspace') return 'workspace';
  throw new ApiHttpError(
    400,
    'invalid_source',
    `The ${SOURCE_HEADER} header may only be "workspace"; it was "${claimed.slice(0, 40)}".`,
  );
}
