import type { z } from 'zod';
import { AppError } from '../errors.ts';
import { ApiError, ChangesResponse, MeResponse, OutcomesResponse, UndoResponse } from '../schemas/api.ts';
import type { Outcome } from '../schemas/entities.ts';
import { LiveTicketResponse } from '../schemas/live.ts';
import { SessionsResponse } from '../schemas/signin.ts';

export type FetchFn = typeof fetch;

const REQUEST_TIMEOUT_MS = 30_000;

/** Codes the sync engine and the UI act on: `auth` stops retries, the others back off. */
type BackendErrorCode =
  | 'unreachable'
  | 'auth'
  | 'cursor_expired'
  | 'rate_limited'
  | 'http'
  | 'invalid_response';

export class BackendError extends AppError {
  constructor(
    override readonly code: BackendErrorCode,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
    details?: unknown,
  ) {
    super(code, message, details);
    this.name = 'BackendError';
  }
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Device sessions from "Sign in" carry this prefix; API tokens do not (SPEC §10). */
const SESSION_PREFIX = 'gls_';

async function errorFromResponse(response: Response, signedIn: boolean): Promise<BackendError> {
  const body = ApiError.safeParse(await response.json().catch(() => null));
  const serverWords = body.success ? body.data.error.message : response.statusText;
  if (response.status === 401 && signedIn) {
    // A revoked session (signed out elsewhere, or the person was deactivated): say so, and never retry.
    return new BackendError(
      'auth',
      'You were signed out of Goal Lens. Click Sign in on the options page.',
      401,
    );
  }
  if (response.status === 401) {
    return new BackendError('auth', `The backend refused the API token (401): ${serverWords}`, 401);
  }
  // The token is known but this request is not the user's to make (an admin route, another's undo).
  if (response.status === 403) {
    return new BackendError('auth', `The backend refused this request (403): ${serverWords}`, 403);
  }
  if (response.status === 410) return new BackendError('cursor_expired', serverWords, 410);
  const wait = retryAfterMs(response.headers.get('Retry-After'));
  // A busy backend sheds with 503 and says when to come back: that is a request to wait, like 429,
  // not a failure of what was sent.
  if (response.status === 429 || (response.status === 503 && wait !== undefined)) {
    const words = response.status === 429 ? 'asks us to slow down' : 'is busy and asks us to come back later';
    return new BackendError('rate_limited', `The backend ${words}.`, response.status, wait, {
      retryAfterMs: wait,
    });
  }
  return new BackendError('http', `The backend answered ${response.status}: ${serverWords}`, response.status);
}

export function createBackendClient(baseUrl: string, token: string, fetchFn: FetchFn = fetch) {
  async function call<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.infer<S>> {
    let response: Response;
    try {
      response = await fetchFn(`${baseUrl}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        // A redirect could carry the token to another origin.
        redirect: 'error',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new BackendError('unreachable', `Cannot reach the backend at ${baseUrl} (${reason}).`);
    }
    if (!response.ok) throw await errorFromResponse(response, token.startsWith(SESSION_PREFIX));
    const json = await response.json().catch(() => undefined);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new BackendError(
        'invalid_response',
        `The backend's answer to ${method} ${path.split('?')[0]} is malformed.`,
        response.status,
        undefined,
        parsed.error.issues,
      );
    }
    return parsed.data;
  }

  return {
    me: () => call('GET', '/v1/me', MeResponse),
    changes(cursor: string | null, limit: number) {
      const query = new URLSearchParams({ limit: String(limit) });
      if (cursor) query.set('cursor', cursor);
      return call('GET', `/v1/changes?${query}`, ChangesResponse);
    },
    postOutcomes: (outcomes: Outcome[]) => call('POST', '/v1/outcomes', OutcomesResponse, { outcomes }),
    deleteOutcome: (id: string) => call('DELETE', `/v1/outcomes/${encodeURIComponent(id)}`, UndoResponse),
    sessions: () => call('GET', '/v1/sessions', SessionsResponse),
    liveTicket: () => call('POST', '/v1/live/ticket', LiveTicketResponse),
  };
}

export type BackendClient = ReturnType<typeof createBackendClient>;
