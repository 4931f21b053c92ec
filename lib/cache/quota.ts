import { AppError } from '../errors.ts';

/** Firefox's name for it before it adopted the standard one. */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
/** Dexie wraps what IndexedDB threw (`inner`), and bulk writes collect one error per refused row. */
const MAX_DEPTH = 8;

interface Wrapped {
  name?: unknown;
  inner?: unknown;
  failures?: unknown;
}

/**
 * Whether the browser refused a write for lack of storage: the DOMException itself, Dexie's
 * QuotaExceededError, or any Dexie error (an aborted transaction, a bulk write) caused by one.
 */
export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > MAX_DEPTH) return false;
  const { name, inner, failures } = error as Wrapped;
  if (typeof name === 'string' && QUOTA_NAMES.has(name)) return true;
  if (isQuotaExceeded(inner, depth + 1)) return true;
  const list = Array.isArray(failures)
    ? failures
    : typeof failures === 'object' && failures !== null
      ? Object.values(failures)
      : [];
  return list.some((failure) => isQuotaExceeded(failure, depth + 1));
}

/** Words for the user, starting with what happened, then what it means for them. */
export class StorageFullError extends AppError {
  constructor(consequence: string) {
    super('storage_full', `Browser storage is full: ${consequence}`);
    this.name = 'StorageFullError';
  }
}

/** Turns a refused write into a StorageFullError saying `consequence`; anything else is left as it is. */
export function explainQuota(error: unknown, consequence: string): unknown {
  return isQuotaExceeded(error) ? new StorageFullError(consequence) : error;
}
