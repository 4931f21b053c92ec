import { z } from 'zod';
import {
  Account,
  EntityType,
  KeyResult,
  Metric,
  MetricDefinition,
  Objective,
  Outcome,
  Team,
  Tier,
  Timestamp,
  User,
} from './entities.ts';

export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

export const MeResponse = z.object({ user: User });
export type MeResponse = z.infer<typeof MeResponse>;

/**
 * The envelope is checked strictly; each change's `data` is checked per type afterwards, so one bad
 * record never hides the valid ones beside it.
 */
export const RawChange = z.object({
  type: EntityType,
  op: z.enum(['put', 'delete']),
  id: z.string().min(1).max(400),
  data: z.unknown().optional(),
});
export type RawChange = z.infer<typeof RawChange>;

export const ChangesResponse = z.object({
  changes: z.array(RawChange),
  cursor: z.string().min(1).max(1000),
  hasMore: z.boolean(),
});
export type ChangesResponse = z.infer<typeof ChangesResponse>;

export const ChangesQuery = z.object({
  cursor: z.string().min(1).max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

const MAX_OUTCOMES_PER_REQUEST = 100;
export const OutcomesRequest = z.object({
  outcomes: z.array(Outcome).min(1).max(MAX_OUTCOMES_PER_REQUEST),
});
export type OutcomesRequest = z.infer<typeof OutcomesRequest>;
/**
 * What the server checks of a request as a whole; each item is then checked against `Outcome` on its
 * own, so one bad item is rejected alone instead of sinking the batch (and the outbox behind it).
 */
export const OutcomesEnvelope = z.object({
  outcomes: z.array(z.looseObject({})).min(1).max(MAX_OUTCOMES_PER_REQUEST),
});

const OutcomeResult = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('applied') }),
  z.object({ id: z.string(), status: z.literal('duplicate') }),
  z.object({ id: z.string(), status: z.literal('rejected'), reason: z.string() }),
]);
export const OutcomesResponse = z.object({
  results: z.array(OutcomeResult),
  keyResults: z.array(KeyResult),
});
export type OutcomesResponse = z.infer<typeof OutcomesResponse>;

/**
 * `undone`: this call reverted the outcome. `already_undone`: an earlier call did. `revoked`: the
 * backend never saw the outcome and will now refuse it, so a delivery still in flight cannot apply it.
 */
export const UndoResponse = z.object({
  id: z.string(),
  status: z.enum(['undone', 'already_undone', 'revoked']),
  keyResults: z.array(KeyResult),
});
export type UndoResponse = z.infer<typeof UndoResponse>;

/**
 * A whole data set, as `npm run server -- import` reads it. A key result's `current` is a measurement
 * as of its `asOf` (default: the import), as in the admin API. Users may name teams the snapshot
 * does not list (data made before teams existed): the import creates them.
 */
export const Snapshot = z.object({
  users: z.array(User).default([]),
  // Optional rather than defaulted, so snapshots typed before teams existed still type-check.
  teams: z.array(Team).optional(),
  tiers: z.array(Tier).default([]),
  accounts: z.array(Account).default([]),
  objectives: z.array(Objective).default([]),
  keyResults: z.array(KeyResult.extend({ asOf: Timestamp.optional() })).default([]),
  metricDefinitions: z.array(MetricDefinition).default([]),
  metrics: z.array(Metric).default([]),
});
export type Snapshot = z.infer<typeof Snapshot>;
