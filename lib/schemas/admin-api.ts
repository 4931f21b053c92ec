import { z } from 'zod';
import {
  ADMIN_COLLECTIONS,
  type AdminCollection,
  AdminCollection as CollectionName,
  MAX_ADMIN_BATCH,
} from './collections.ts';
import {
  Account,
  Id,
  KeyResult,
  Metric,
  MetricDefinition,
  Objective,
  Source,
  Team,
  Tier,
  Timestamp,
  User,
} from './entities.ts';

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
export const ItemProblem = z.object({ index: z.number().int(), path: z.string(), message: z.string() });

export const AdminDeleteRequest = z.object({
  ids: z.array(z.string().min(1).max(400)).min(1).max(MAX_ADMIN_BATCH),
});
export const AdminDeleteResponse = z.object({
  results: z.array(z.object({ id: z.string(), status: z.enum(['deleted', 'not_found']) })),
});
export type AdminDeleteResponse = z.infer<typeof AdminDeleteResponse>;

/** What still refers to a row a delete names, in a 409's `details`. */
export const Referrer = z.object({
  id: z.string(),
  collection: CollectionName,
  field: z.string(),
  ids: z.array(z.string()),
  count: z.number().int(),
});

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

/** A stored row of each collection as `GET /v1/admin/:collection` returns it, provenance included. */
export const ADMIN_READ_SCHEMAS = {
  users: User,
  teams: Team,
  tiers: Tier,
  accounts: Account,
  objectives: Objective,
  keyResults: KeyResult,
  metricDefinitions: MetricDefinition,
  metrics: Metric,
} as const satisfies Record<AdminCollection, z.ZodType>;

export type AdminRow<C extends AdminCollection> = z.infer<(typeof ADMIN_READ_SCHEMAS)[C]>;

export function adminListResponse<C extends AdminCollection>(collection: C) {
  return z.object({ items: z.array(ADMIN_READ_SCHEMAS[collection]) });
}
