import type { AdminCallRequest, AdminCallResponse } from '@/lib/backend/admin-call.ts';
import type { MessageClient } from '@/lib/messages/client.ts';
import {
  type AdminCollection,
  type AdminInput,
  AdminPutResponse,
  type AdminRow,
  AuditResponse,
  adminListResponse,
  MeResponse,
  type User,
} from '@/lib/schemas/index.ts';

/** A refusal from the backend, with its own words and details (bad items, changed rows, problems). */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AdminApiError';
  }
}

function refusal(answer: AdminCallResponse): AdminApiError {
  const error = (answer.body as { error?: { code?: string; message?: string; details?: unknown } } | null)
    ?.error;
  return new AdminApiError(
    answer.status,
    error?.code ?? 'http',
    error?.message ?? `The backend answered ${answer.status}.`,
    error?.details,
  );
}

/** Typed helpers over the background's `admin/call`; every write is recorded as the workspace's. */
export function createAdminClient(request: MessageClient) {
  const call = (input: AdminCallRequest) => request('admin/call', input);
  const ok = async (input: AdminCallRequest): Promise<unknown> => {
    const answer = await call(input);
    if (answer.status >= 300) throw refusal(answer);
    return answer.body;
  };
  return {
    /** The raw answer, refusals included, for screens that show a 422's body (the CSV import). */
    call,
    me: async (): Promise<User> => MeResponse.parse(await ok({ method: 'GET', path: '/v1/me' })).user,
    list: async <C extends AdminCollection>(collection: C): Promise<AdminRow<C>[]> =>
      adminListResponse(collection).parse(await ok({ method: 'GET', path: `/v1/admin/${collection}` }))
        .items as AdminRow<C>[],
    /** Upserts; `expected` holds the `updatedAt` each item was read with, so a newer change is not overwritten. */
    put: async <C extends AdminCollection>(
      collection: C,
      items: AdminInput<C>[],
      options: { dryRun?: boolean; expected?: Record<string, string> } = {},
    ) =>
      AdminPutResponse.parse(
        await ok({
          method: 'PUT',
          path: `/v1/admin/${collection}`,
          body: { items, ...(options.expected ? { expected: options.expected } : {}) },
          ...(options.dryRun ? { query: { dryRun: 'true' } } : {}),
        }),
      ),
    remove: (collection: AdminCollection, ids: string[]) =>
      ok({ method: 'POST', path: `/v1/admin/${collection}/delete`, body: { ids } }),
    /** The CSV import; the answer as it came (200 applied or dry run, 422 with problems). */
    importCsv: (collection: AdminCollection, csv: string, options: { dryRun: boolean; map?: object }) =>
      call({
        method: 'POST',
        path: `/v1/admin/import/${collection}`,
        body: csv,
        contentType: 'text/csv',
        query: {
          dryRun: String(options.dryRun),
          ...(options.map ? { map: JSON.stringify(options.map) } : {}),
        },
      }),
    exportCsv: async (collection: AdminCollection): Promise<string> =>
      String(await ok({ method: 'GET', path: `/v1/admin/export/${collection}.csv` })),
    audit: async (cursor?: string, limit = 100) =>
      AuditResponse.parse(
        await ok({
          method: 'GET',
          path: '/v1/admin/audit',
          query: { limit: String(limit), ...(cursor ? { cursor } : {}) },
        }),
      ),
  };
}

export type AdminClient = ReturnType<typeof createAdminClient>;
