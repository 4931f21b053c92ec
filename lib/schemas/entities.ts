import { z } from 'zod';
import { text } from './text.ts';

/** Ids are opaque strings; bounded so a hostile backend cannot make us index megabytes. */
export const Id = text(200).min(1);
export const Timestamp = z.iso.datetime({ offset: true });
const IsoDate = z.union([z.iso.date(), Timestamp]);

/** Through which path a value was last written (SPEC section 3); `scim` is the identity provider's provisioning. */
export const Source = z.enum(['csv', 'api', 'workspace', 'outcome', 'cli', 'scim']);
/**
 * Where an entity's current content came from. The server sets these on every admin write and never
 * takes them from the writer; data written before they existed simply lacks them.
 */
const provenance = {
  source: Source.optional(),
  updatedBy: Id.optional(),
  updatedAt: Timestamp.optional(),
};
export const PROVENANCE_FIELDS = ['source', 'updatedBy', 'updatedAt'] as const;

export const Role = z.enum(['csm', 'rep', 'lead', 'admin']);
export const User = z.object({
  id: Id,
  name: text(500).min(1),
  email: z.email().max(320),
  role: Role,
  teamId: Id.optional(),
  ...provenance,
});
/** A user as the change feed sends them: the email only to their own team, leads and admins. */
const DirectoryUser = User.extend({ email: User.shape.email.optional() });

export const Team = z.object({ id: Id, name: text(500).min(1), ...provenance });

export const ComparisonOp = z.enum(['>=', '>', '<=', '<', '==', '!=', 'in']);
export const AttributeValue = z.union([z.number(), text(10_000), z.boolean()]);
export const Condition = z.object({
  field: text(200).min(1),
  op: ComparisonOp,
  value: z.union([AttributeValue, z.array(AttributeValue).max(1000)]),
});
export const Rule = z.object({
  all: z.array(Condition).max(100).optional(),
  any: z.array(Condition).max(100).optional(),
});
export const Benchmark = z.object({
  metric: text(200).min(1),
  op: ComparisonOp,
  value: z.union([AttributeValue, z.array(AttributeValue).max(1000)]),
  label: text(500).optional(),
});
export const Tier = z.object({
  id: Id,
  name: text(200).min(1),
  rank: z.number().int().min(1),
  color: text(50).optional(),
  description: text(5000).optional(),
  criteria: Rule,
  benchmarks: z.array(Benchmark).max(100),
  ...provenance,
});

export const CrmName = z.enum([
  'salesforce',
  'hubspot',
  'dynamics',
  'pipedrive',
  'zoho',
  'attio',
  'close',
  'copper',
  'freshsales',
]);
export const CrmRef = z.object({
  crm: CrmName,
  id: text(200).min(1),
  url: z.url().max(2000).optional(),
});
export const Account = z.object({
  id: Id,
  name: text(1000).min(1),
  domain: text(500).optional(),
  crmRefs: z.array(CrmRef).max(50),
  tierId: Id,
  crmTier: text(200).optional(),
  ownerId: Id.optional(),
  attributes: z.record(text(200), AttributeValue),
  renewalDate: IsoDate.optional(),
  ...provenance,
  updatedAt: Timestamp,
});

const ObjectiveLevel = z.enum(['company', 'team', 'individual']);
export const Perspective = z.enum(['financial', 'customer', 'internal', 'learning']);
export const PERSPECTIVES = Perspective.options;
export const Objective = z.object({
  id: Id,
  title: text(1000).min(1),
  level: ObjectiveLevel,
  parentId: Id.optional(),
  ownerId: Id.optional(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  perspective: Perspective.optional(),
  /**
   * When an admin archived it as finished (ours, not the spec's): it stays in the workspace and its
   * history, but panels no longer show its key results. Absent means active; restoring removes it.
   */
  archivedAt: Timestamp.optional(),
  ...provenance,
});

const KeyResultUnit = z.enum(['count', 'percent', 'currency', 'boolean']);
export const KeyResult = z.object({
  id: Id,
  objectiveId: Id,
  title: text(1000).min(1),
  unit: KeyResultUnit,
  direction: z.enum(['increase', 'decrease']),
  start: z.number(),
  target: z.number(),
  current: z.number(),
  ownerId: Id.optional(),
  dueDate: IsoDate.optional(),
  confidence: z.number().min(0).max(10).optional(),
  scope: z.object({
    accountIds: z.array(Id).max(100_000).optional(),
    tierIds: z.array(Id).max(1000).optional(),
  }),
  quickLog: z.object({ label: text(50).min(1), delta: z.number() }).optional(),
  /**
   * The last measured value and its moment, set by the server: `current` is this value plus every
   * outcome that occurred after `asOf` (SPEC section 9, "A key result's value").
   */
  measurement: z.object({ value: z.number(), asOf: Timestamp }).optional(),
  ...provenance,
  updatedAt: Timestamp,
});
export const DEFAULT_QUICK_LOG = { label: '+1', delta: 1 } as const;

export const MetricDefinition = z.object({
  key: text(200).min(1),
  label: text(500).min(1),
  perspective: Perspective,
  unit: text(50),
  direction: z.enum(['higher_is_better', 'lower_is_better']),
  good: z.number(),
  warn: z.number(),
  weight: z.number().min(0),
  ...provenance,
});

export const Metric = z.object({
  accountId: Id,
  key: text(200).min(1),
  value: z.number(),
  asOf: Timestamp,
  history: z
    .array(z.object({ at: Timestamp, value: z.number() }))
    .max(1000)
    .optional(),
  ...provenance,
});

export const Outcome = z.object({
  id: z.uuid(),
  keyResultId: Id,
  accountId: Id,
  delta: z.number(),
  note: text(2000).optional(),
  loggedBy: Id,
  occurredAt: Timestamp,
});

export type Role = z.infer<typeof Role>;
export type User = z.infer<typeof User>;
export type Source = z.infer<typeof Source>;
export type Team = z.infer<typeof Team>;
export type ComparisonOp = z.infer<typeof ComparisonOp>;
export type AttributeValue = z.infer<typeof AttributeValue>;
export type Condition = z.infer<typeof Condition>;
export type Rule = z.infer<typeof Rule>;
export type Benchmark = z.infer<typeof Benchmark>;
export type Tier = z.infer<typeof Tier>;
export type CrmName = z.infer<typeof CrmName>;
export type CrmRef = z.infer<typeof CrmRef>;
export type Account = z.infer<typeof Account>;
export type Perspective = z.infer<typeof Perspective>;
export type Objective = z.infer<typeof Objective>;
export type KeyResult = z.infer<typeof KeyResult>;
export type MetricDefinition = z.infer<typeof MetricDefinition>;
export type Metric = z.infer<typeof Metric>;
export type Outcome = z.infer<typeof Outcome>;

/** The change feed's entity types, each with the schema of its `data` and how its id is formed. */
export const ENTITY_SCHEMAS = {
  user: DirectoryUser,
  team: Team,
  tier: Tier,
  account: Account,
  objective: Objective,
  keyResult: KeyResult,
  metricDefinition: MetricDefinition,
  metric: Metric,
  outcome: Outcome,
} as const;
export type EntityType = keyof typeof ENTITY_SCHEMAS;
export const EntityType = z.enum(Object.keys(ENTITY_SCHEMAS) as [EntityType, ...EntityType[]]);
export type EntityOf<T extends EntityType> = z.infer<(typeof ENTITY_SCHEMAS)[T]>;

/** Metrics have no id of their own: one current value per account and key. */
export function metricId(metric: Pick<Metric, 'accountId' | 'key'>): string {
  return `${metric.accountId}:${metric.key}`;
}

/**
 * The account ids a metric id can belong to: both parts may contain a colon, so every split is a
 * candidate and the stored metric decides. An account id is never empty, so the search starts after
 * the first character: an id may begin with a colon.
 */
export function accountIdCandidates(metricId: string): string[] {
  const candidates: string[] = [];
  for (let at = metricId.indexOf(':', 1); at !== -1; at = metricId.indexOf(':', at + 1)) {
    candidates.push(metricId.slice(0, at));
  }
  return candidates;
}
