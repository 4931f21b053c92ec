import { z } from 'zod';
import {
  Account,
  type EntityType,
  KeyResult,
  Metric,
  MetricDefinition,
  metricId,
  Objective,
  Team,
  Tier,
  Timestamp,
  User,
} from './entities.ts';

/** Set by the server on every admin write; a writer's own values for them are dropped, never trusted. */
const SERVER_SET = { source: true, updatedBy: true, updatedAt: true } as const;

/**
 * A key result as a writer sends it. `current`, when present, is a measurement as of `asOf` (default:
 * the moment of the write); outcomes that occurred after that moment still add to it. Without
 * `current`, a new KR starts at `start` and an existing one keeps its value.
 */
const KeyResultWrite = KeyResult.omit({ ...SERVER_SET, measurement: true }).extend({
  current: z.number().optional(),
  asOf: Timestamp.optional(),
});

interface CollectionSpec<T extends EntityType, R extends z.ZodType, S extends z.ZodType> {
  /** The entity type of the change feed that the collection's rows become. */
  type: T;
  /** A stored row as `GET /v1/admin/:collection` returns it, provenance included. */
  row: R;
  /** What a writer sends for one row (the admin API's input schema). */
  schema: S;
  /** The row's id as the feed and `results` name it. */
  idOf(item: z.infer<S>): string;
}

function spec<T extends EntityType, R extends z.ZodType, S extends z.ZodType>(
  type: T,
  row: R,
  schema: S,
  idOf: (item: z.infer<S>) => string,
): CollectionSpec<T, R, S> {
  return { type, row, schema, idOf };
}

const byId = (item: { id: string }) => item.id;

/** The admin API's collections (SPEC section 9), each with its entity type, stored row and input schema. */
export const ADMIN_COLLECTIONS = {
  users: spec('user', User, User.omit(SERVER_SET), byId),
  teams: spec('team', Team, Team.omit(SERVER_SET), byId),
  tiers: spec('tier', Tier, Tier.omit(SERVER_SET), byId),
  accounts: spec('account', Account, Account.omit(SERVER_SET), byId),
  objectives: spec('objective', Objective, Objective.omit(SERVER_SET), byId),
  keyResults: spec('keyResult', KeyResult, KeyResultWrite, byId),
  metricDefinitions: spec(
    'metricDefinition',
    MetricDefinition,
    MetricDefinition.omit(SERVER_SET),
    (item) => item.key,
  ),
  metrics: spec('metric', Metric, Metric.omit(SERVER_SET), metricId),
} as const;

export type AdminCollection = keyof typeof ADMIN_COLLECTIONS;
export const AdminCollection = z.enum(
  Object.keys(ADMIN_COLLECTIONS) as [AdminCollection, ...AdminCollection[]],
);
export const ADMIN_COLLECTION_NAMES = AdminCollection.options;

/** One row of `collection` as a writer sends it. */
export type AdminInput<C extends AdminCollection> = z.infer<(typeof ADMIN_COLLECTIONS)[C]['schema']>;

/** Largest batch one admin write accepts. */
export const MAX_ADMIN_BATCH = 5000;
