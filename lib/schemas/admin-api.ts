import { z } from 'zod';
import {
  ADMIN_COLLECTIONS,
  type AdminCollection,
  AdminCollection as CollectionName,
  MAX_ADMIN_BATCH,
} from './collections.ts';
import { Id, Source, Timestamp } from './entities.ts';

/**
 * Optimistic concurrency: per id, the `updatedAt` the writer read. If any of those rows has changed
 * (or gone) since, the whole batch is refused with 409 `changed_since_read` naming them.
 */
export const ExpectedVersions = z
  .record(z.string().min(1).max(400), Timestamp)
  .refine((versions) => Object.keys(versions).length <= MAX_ADMIN_BATCH, 'too many expected versions');

/** One row that changed since the writer read it, in a 409 `changed_since_read`'s `details`. */
export const ChangedItem = z.object({
  id: z.string(),
  updatedAt: Timestamp.nullable(),
  updatedBy: Id.nullable(),
  deleted: z.boolean(),
});
export type ChangedItem = z.infer<typeof ChangedItem>;

/** `PUT /v1/admin/:collection`: the batch, upserted by id, all or nothing. */
export function adminPutRequest<C extends AdminCollection>(collection: C) {
  return z.object({
    items: z.array(ADMIN_COLLECTIONS[collection].schema).max(MAX_ADMIN_BATCH),
    expected: ExpectedVersions.optional(),
  });
}

export const AdminPutResponse = z.object({
  results: z.array(z.object({ id: z.string(), status: z.enum(['created', 'updated', 'unchanged']) })),
});
export type AdminPutResponse = z.infer<typeof AdminPutResponse>;

/** One bad item of a batch, in a 400's `details`. */
export const ItemProblem = z.object({
  index: z.number().int(),
  /** The field inside the item, e.g. `scope.tierIds[0]`. */
  path: z.string(),
  message: z.string(),
});
export type ItemProblem = z.infer<typeof ItemProblem>;

export const AdminDeleteRequest = z.object({
  ids: z.array(z.string().min(1).max(400)).min(1).max(MAX_ADMIN_BATCH),
});
export const AdminDeleteResponse = z.object({
  results: z.array(z.object({ id: z.string(), status: z.enum(['deleted', 'not_found']) })),
});
export type AdminDeleteResponse = z.infer<typeof AdminDeleteResponse>;

/** What still refers to a row a delete names, in a 409's `details`. */
export const Referrer = z.object({
  /** The row that would be deleted. */
  id: z.string(),
  collection: CollectionName,
  field: z.string(),
  /** A few of the referring ids, and how many there are in all. */
  ids: z.array(z.string()),
  count: z.number().int(),
});
export type Referrer = z.infer<typeof Referrer>;

/** `POST /v1/admin/users/:id/deactivate`: the person is signed out everywhere; their outcomes stay. */
export const AdminDeactivateResponse = z.object({
  id: Id,
  deactivated: z.literal(true),
  /** Signed-in devices signed out by this call (none when the user was deactivated already). */
  sessionsRevoked: z.number().int().min(0),
});
export type AdminDeactivateResponse = z.infer<typeof AdminDeactivateResponse>;

export const AuditQuery = z.object({
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  /** Only what this person wrote (a user id). */
  actor: Id.optional(),
  /** Only what came through this path. */
  source: Source.optional(),
  /** Only writes to this collection. */
  collection: CollectionName.optional(),
});
export type AuditFilter = Pick<z.infer<typeof AuditQuery>, 'actor' | 'source' | 'collection'>;

export const AuditEntry = z.object({
  at: Timestamp,
  /** Null when the server itself wrote: its command line, or the identity provider over SCIM. */
  actor: z.object({ id: Id, name: z.string().nullable() }).nullable(),
  source: Source,
  collection: z.string(),
  op: z.enum(['upsert', 'delete']),
  ids: z.array(z.string()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Oldest first; `cursor` resumes after the last entry, so polling it yields each change once. */
export const AuditResponse = z.object({
  entries: z.array(AuditEntry),
  cursor: z.string(),
  hasMore: z.boolean(),
});
export type AuditResponse = z.infer<typeof AuditResponse>;

export type AdminRow<C extends AdminCollection> = z.infer<(typeof ADMIN_COLLECTIONS)[C]['row']>;

export function adminListResponse<C extends AdminCollection>(collection: C) {
  return z.object({ items: z.array(ADMIN_COLLECTIONS[collection].row) });
}
