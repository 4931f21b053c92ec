import { type Context, Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import {
  ADMIN_COLLECTION_NAMES,
  type AdminCollection,
  AdminDeactivateResponse,
  AdminDeleteRequest,
  AdminDeleteResponse,
  AdminPutResponse,
  AuditQuery,
  AuditResponse,
  adminPutRequest,
  ExpectedVersions,
  MAX_ADMIN_BATCH,
  Source,
} from '../../lib/schemas/index.ts';
import { decodeAuditCursor, readAudit } from '../admin/audit.ts';
import { ChangedSinceReadError } from '../admin/changed-since-read.ts';
import { deleteCollection, StillReferencedError } from '../admin/delete.ts';
import { AdminValidationError } from '../admin/errors.ts';
import { upsertCollection } from '../admin/upsert.ts';
import { refreshStatisticsAfter } from '../db/statistics.ts';
import type { Db } from '../db/types.ts';
import type { AuthEnv } from '../http/auth.ts';
import { ApiHttpError } from '../http/errors.ts';
import { errorResponses, jsonContent } from '../http/openapi.ts';
import { requireAdmin } from '../http/require-admin.ts';
import { adminWriteSource } from '../http/write-source.ts';
import { deactivateUser } from '../sessions/deactivate.ts';

const PutEnvelope = z.object({ items: z.array(z.unknown()), expected: ExpectedVersions.optional() });
const ADMIN_ERRORS = [401, 403, 413, 429] as const;

async function jsonBody(c: Context): Promise<unknown> {
  // The body limit has already buffered the whole body, so a failure here can only be bad JSON.
  return c.req.json().catch(() => {
    throw new ApiHttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  });
}

function unknownCollection(name: string): never {
  throw new ApiHttpError(
    404,
    'unknown_collection',
    `There is no collection "${name}". Collections: ${ADMIN_COLLECTION_NAMES.join(', ')}.`,
    { collections: ADMIN_COLLECTION_NAMES },
  );
}

/** The admin API (SPEC section 9): admins only, every write audited. */
export function adminRoutes(db: Db) {
  const admin = new Hono<AuthEnv>();
  admin.use('/admin/*', requireAdmin());

  admin.get(
    '/admin/audit',
    describeRoute({
      summary: 'Who changed what, when, and through which path',
      parameters: [
        { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
        {
          name: 'limit',
          in: 'query',
          required: false,
          schema: { type: 'integer', minimum: 1, maximum: 1000 },
        },
        { name: 'actor', in: 'query', required: false, description: 'a user id', schema: { type: 'string' } },
        {
          name: 'source',
          in: 'query',
          required: false,
          schema: { type: 'string', enum: [...Source.options] },
        },
        {
          name: 'collection',
          in: 'query',
          required: false,
          schema: { type: 'string', enum: [...ADMIN_COLLECTION_NAMES] },
        },
      ],
      responses: {
        200: { description: 'A page of the audit log, oldest first', content: jsonContent(AuditResponse) },
        ...errorResponses(400, ...ADMIN_ERRORS),
      },
    }),
    async (c) => {
      const read = (name: string) => c.req.query(name) || undefined;
      const parsed = AuditQuery.safeParse({
        cursor: read('cursor'),
        limit: read('limit'),
        actor: read('actor'),
        source: read('source'),
        collection: read('collection'),
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ApiHttpError(
          400,
          'invalid_request',
          `The audit query's ${issue?.path.join('.') ?? 'parameters'} is invalid: ${issue?.message ?? ''}`.trim(),
          parsed.error.issues,
        );
      }
      const query = parsed.data;
      const after = query.cursor === undefined ? 0 : decodeAuditCursor(query.cursor);
      if (after === null)
        throw new ApiHttpError(400, 'invalid_cursor', 'The audit cursor was not issued here.');
      const { actor, source, collection } = query;
      return c.json(await readAudit(db, after, query.limit, { actor, source, collection }));
    },
  );

  admin.post(
    '/admin/users/:id/deactivate',
    describeRoute({
      summary: 'Deactivate a user: sign them out everywhere and stop their API tokens',
      description:
        'The user stays, with every outcome they logged; they can no longer sign in or use a token. Deactivating someone already deactivated changes nothing.',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        200: { description: 'The user is deactivated', content: jsonContent(AdminDeactivateResponse) },
        ...errorResponses(400, 404, ...ADMIN_ERRORS),
      },
    }),
    async (c) => {
      const id = c.req.param('id');
      if (id === c.get('user').id) {
        throw new ApiHttpError(
          400,
          'cannot_deactivate_self',
          'You cannot deactivate yourself; ask another admin.',
        );
      }
      const result = await deactivateUser(db, id);
      if (!result) throw new ApiHttpError(404, 'not_found', `There is no user "${id}".`);
      return c.json({ id, deactivated: true, ...result } satisfies AdminDeactivateResponse);
    },
  );

  for (const collection of ADMIN_COLLECTION_NAMES) {
    admin.put(
      `/admin/${collection}`,
      describeRoute({
        summary: `Upsert ${collection} by id, all or nothing`,
        description: `At most ${MAX_ADMIN_BATCH} items. Sending the same batch again reports every item unchanged and writes nothing. With \`expected\` (id → the \`updatedAt\` read), a row changed since is refused with 409 \`changed_since_read\` naming it.`,
        parameters: [{ name: 'dryRun', in: 'query', required: false, schema: { type: 'boolean' } }],
        requestBody: { required: true, content: jsonContent(adminPutRequest(collection)) },
        responses: {
          200: {
            description: 'Each item created, updated or unchanged',
            content: jsonContent(AdminPutResponse),
          },
          ...errorResponses(400, 409, ...ADMIN_ERRORS),
        },
      }),
      (c) => put(c, collection),
    );
    admin.post(
      `/admin/${collection}/delete`,
      describeRoute({
        summary: `Delete ${collection} by id, leaving tombstones in the change feed`,
        requestBody: { required: true, content: jsonContent(AdminDeleteRequest) },
        responses: {
          200: { description: 'Each id deleted or not found', content: jsonContent(AdminDeleteResponse) },
          ...errorResponses(400, 409, ...ADMIN_ERRORS),
        },
      }),
      (c) => remove(c, collection),
    );
  }
  admin.put('/admin/:collection', (c) => unknownCollection(c.req.param('collection')));
  admin.post('/admin/:collection/delete', (c) => unknownCollection(c.req.param('collection')));

  async function put(c: Context<AuthEnv>, collection: AdminCollection) {
    const envelope = PutEnvelope.safeParse(await jsonBody(c));
    if (!envelope.success) {
      throw new ApiHttpError(
        400,
        'invalid_request',
        'The body must be { "items": [ ... ] }, with optionally "expected": { id: updatedAt read }.',
        envelope.error.issues,
      );
    }
    const { items, expected } = envelope.data;
    if (items.length > MAX_ADMIN_BATCH) {
      throw new ApiHttpError(
        400,
        'batch_too_large',
        `A batch holds at most ${MAX_ADMIN_BATCH} items; this one has ${items.length}. Send the rest in further batches.`,
      );
    }
    const dryRun = c.req.query('dryRun') === 'true';
    try {
      const result = await upsertCollection(db, collection, items, {
        actor: c.get('user'),
        source: adminWriteSource(c, 'api'),
        dryRun,
        ...(expected ? { expected } : {}),
      });
      const written = result.results.filter((item) => item.status !== 'unchanged').length;
      if (!dryRun) await refreshStatisticsAfter(db, written);
      return c.json(result);
    } catch (error) {
      if (error instanceof AdminValidationError) {
        throw new ApiHttpError(400, 'invalid_items', error.message, error.details);
      }
      if (error instanceof ChangedSinceReadError) {
        throw new ApiHttpError(409, 'changed_since_read', error.message, error.changed);
      }
      throw error;
    }
  }

  async function remove(c: Context<AuthEnv>, collection: AdminCollection) {
    const { ids } = AdminDeleteRequest.parse(await jsonBody(c));
    try {
      return c.json(
        await deleteCollection(db, collection, ids, {
          actor: c.get('user'),
          source: adminWriteSource(c, 'api'),
        }),
      );
    } catch (error) {
      if (error instanceof StillReferencedError) {
        throw new ApiHttpError(409, 'still_referenced', error.message, error.referrers);
      }
      throw error;
    }
  }

  return admin;
}
