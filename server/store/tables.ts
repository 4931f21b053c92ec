import { type EntityOf, type EntityType, metricId } from '../../lib/schemas/index.ts';
import { EVERYONE, LEADS_ONLY } from '../feed/audience.ts';

/** A text column copied out of an entity's wire data so SQL can join and filter on it. */
interface Column<T extends EntityType> {
  name: string;
  of(entity: EntityOf<T>): string | null;
}

interface TableSpec<T extends EntityType> {
  table: string;
  idOf(entity: EntityOf<T>): string;
  columns: Column<T>[];
  /** SQL for a row's feed audience, over the entity table aliased `t`. */
  audienceSql: string;
}

/** Metrics and outcomes follow their account, so a team sees exactly the accounts it owns. */
const FOLLOWS_ACCOUNT = `COALESCE((SELECT a.audience FROM accounts a WHERE a.id = t.account_id), '${LEADS_ONLY}')`;
const ORG_WIDE = `'${EVERYONE}'`;

export const TABLES: { [T in EntityType]: TableSpec<T> } = {
  user: {
    table: 'users',
    idOf: (user) => user.id,
    columns: [
      // Stored users always have one (imports check them against User); only the feed leaves it out.
      { name: 'email', of: (user) => user.email ?? null },
      { name: 'role', of: (user) => user.role },
      { name: 'team_id', of: (user) => user.teamId ?? null },
    ],
    audienceSql: ORG_WIDE,
  },
  team: { table: 'teams', idOf: (team) => team.id, columns: [], audienceSql: ORG_WIDE },
  tier: { table: 'tiers', idOf: (tier) => tier.id, columns: [], audienceSql: ORG_WIDE },
  account: {
    table: 'accounts',
    idOf: (account) => account.id,
    columns: [
      { name: 'owner_id', of: (account) => account.ownerId ?? null },
      { name: 'tier_id', of: (account) => account.tierId },
    ],
    audienceSql: 't.audience',
  },
  objective: {
    table: 'objectives',
    idOf: (objective) => objective.id,
    columns: [{ name: 'parent_id', of: (objective) => objective.parentId ?? null }],
    audienceSql: ORG_WIDE,
  },
  keyResult: {
    table: 'key_results',
    idOf: (kr) => kr.id,
    columns: [{ name: 'objective_id', of: (kr) => kr.objectiveId }],
    audienceSql: ORG_WIDE,
  },
  metricDefinition: {
    table: 'metric_definitions',
    idOf: (definition) => definition.key,
    columns: [],
    audienceSql: ORG_WIDE,
  },
  metric: {
    table: 'metrics',
    idOf: metricId,
    columns: [
      { name: 'account_id', of: (metric) => metric.accountId },
      { name: 'key', of: (metric) => metric.key },
    ],
    audienceSql: FOLLOWS_ACCOUNT,
  },
  outcome: {
    table: 'outcomes',
    idOf: (outcome) => outcome.id,
    columns: [
      { name: 'key_result_id', of: (outcome) => outcome.keyResultId },
      { name: 'account_id', of: (outcome) => outcome.accountId },
    ],
    audienceSql: FOLLOWS_ACCOUNT,
  },
};

/** Large writes go in statements of this many rows: few round trips, bounded parameter size. */
const CHUNK = 2000;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
