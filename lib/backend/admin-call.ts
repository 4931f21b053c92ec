import { AppError } from '../errors.ts';

/** What the admin workspace may ask the backend for: the admin API and who is signed in, nothing else. */
export const ADMIN_PATH = /^\/v1\/(me|admin(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)+)$/;

type AdminMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

export interface AdminCallRequest {
  method: AdminMethod;
  path: string;
  query?: Record<string, string>;
  /** JSON, or the text of a CSV file when `contentType` is `text/csv`. */
  body?: unknown;
  contentType?: 'application/json' | 'text/csv';
}

/** The backend's answer as it came, refusals included: the workspace shows their reasons. */
export interface AdminCallResponse {
  status: number;
  body: unknown;
}

const TIMEOUT_MS = 120_000;

/**
 * One admin API call with the signed-in token. Every write is marked as the workspace's, so the
 * backend records that path in provenance and the audit log.
 */
export async function callAdminApi(
  backendUrl: string,
  token: string,
  request: AdminCallRequest,
  fetchFn: typeof fetch = fetch,
): Promise<AdminCallResponse> {
  if (!ADMIN_PATH.test(request.path)) {
    throw new AppError('forbidden_path', `The workspace may not call ${request.path}.`);
  }
  const csv = request.contentType === 'text/csv';
  if (csv && typeof request.body !== 'string') {
    throw new AppError('invalid_payload', 'A CSV body must be the file’s text.');
  }
  const query = request.query ? `?${new URLSearchParams(request.query)}` : '';
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  if (request.method !== 'GET') headers['X-Goal-Lens-Source'] = 'workspace';
  if (request.body !== undefined) headers['Content-Type'] = csv ? 'text/csv' : 'application/json';
  let response: Response;
  try {
    response = await fetchFn(`${backendUrl}${request.path}${query}`, {
      method: request.method,
      headers,
      ...(request.body === undefined
        ? {}
        : { body: csv ? (request.body as string) : JSON.stringify(request.body) }),
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('unreachable', `Cannot reach the backend at ${backendUrl} (${reason}).`);
  }
  const type = response.headers.get('Content-Type') ?? '';
  const body = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  return { status: response.status, body };
}
