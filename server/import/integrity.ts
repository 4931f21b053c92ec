import { metricId } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import { TABLES } from '../store/tables.ts';

type Target = 'users' | 'teams' | 'tiers' | 'accounts' | 'objectives' | 'metricDefinitions';

/** The fields integrity looks at, so a snapshot and an admin batch are checked alike. */
interface IntegrityBatch {
  users?: readonly { id: string; email: string; teamId?: string }[];
  teams?: readonly { id: string }[];
  tiers?: readonly { id: string }[];
  accounts?: readonly { id: string; tierId: string; ownerId?: string }[];
  objectives?: readonly { id: string; parentId?: string; ownerId?: string }[];
  keyResults?: readonly {
    id: string;
    objectiveId: string;
    ownerId?: string;
    scope: { accountIds?: string[]; tierIds?: string[] };
  }[];
  metricDefinitions?: readonly { key: string }[];
  metrics?: readonly { accountId: string; key: string }[];
}

/** One problem with one row: `path` is the field inside the row, as people read JSON. */
interface IntegrityProblem {
  collection: keyof IntegrityBatch;
  index: number;
  path: string;
  message: string;
}

interface IntegrityOptions {
  /** How a message names another row of the batch, e.g. `accounts[3]` or `item 3`. */
  rowName(collection: keyof IntegrityBatch, index: number): string;
  /** Teams that users name but nothing defines are created rather than refused (data made before teams). */
  createMissingTeams?: boolean;
}

interface Reference {
  collection: keyof IntegrityBatch;
  index: number;
  path: string;
  target: Target;
  id: string;
}

const TARGET_TABLE: Record<Target, string> = {
  users: TABLES.user.table,
  teams: TABLES.team.table,
  tiers: TABLES.tier.table,
  accounts: TABLES.account.table,
  objectives: TABLES.objective.table,
  metricDefinitions: TABLES.metricDefinition.table,
};

const SINGULAR: Record<Target, string> = {
  users: 'user',
  teams: 'team',
  tiers: 'tier',
  accounts: 'account',
  objectives: 'objective',
  metricDefinitions: 'metric definition',
};

/**
 * What zod cannot see: ids repeated inside the batch, emails already taken by another user, and
 * references to entities that exist neither in the batch nor in the database. Returns the problems
 * and the teams to create (only with `createMissingTeams`).
 */
export async function checkIntegrity(
  tx: Db,
  batch: IntegrityBatch,
  options: IntegrityOptions,
): Promise<{ problems: IntegrityProblem[]; missingTeams: string[] }> {
  const dup = <K extends keyof IntegrityBatch>(
    collection: K,
    keyOf: (row: NonNullable<IntegrityBatch[K]>[number]) => string,
    field: string,
  ) => duplicates(collection, batch[collection] ?? [], keyOf, field, options.rowName);
  const problems = [
    ...dup('users', (user) => user.id, 'id'),
    ...dup('users', (user) => user.email.toLowerCase(), 'email'),
    ...dup('teams', (team) => team.id, 'id'),
    ...dup('tiers', (tier) => tier.id, 'id'),
    ...dup('accounts', (account) => account.id, 'id'),
    ...dup('objectives', (objective) => objective.id, 'id'),
    ...dup('keyResults', (kr) => kr.id, 'id'),
    ...dup('metricDefinitions', (definition) => definition.key, 'key'),
    ...dup('metrics', metricId, 'key'),
  ];
  const missing = await missingReferences(tx, batch, references(batch));
  const missingTeams = new Set<string>();
  for (const ref of missing) {
    if (ref.target === 'teams' && options.createMissingTeams) missingTeams.add(ref.id);
    else problems.push({ ...at(ref), message: `unknown ${SINGULAR[ref.target]} "${ref.id}"` });
  }
  problems.push(...(await takenEmails(tx, batch.users ?? [])));
  return { problems, missingTeams: [...missingTeams] };
}

function at(ref: Reference): Omit<IntegrityProblem, 'message'> {
  return { collection: ref.collection, index: ref.index, path: ref.path };
}

function duplicates<T>(
  collection: keyof IntegrityBatch,
  rows: readonly T[],
  keyOf: (row: T) => string,
  field: string,
  rowName: IntegrityOptions['rowName'],
): IntegrityProblem[] {
  const first = new Map<string, number>();
  const problems: IntegrityProblem[] = [];
  rows.forEach((row, index) => {
    const key = keyOf(row);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, index);
    else
      problems.push({
        collection,
        index,
        path: field,
        message: `duplicate of ${rowName(collection, seen)} (${key})`,
      });
  });
  return problems;
}

function references(batch: IntegrityBatch): Reference[] {
  const refs: Reference[] = [];
  const add = (
    collection: keyof IntegrityBatch,
    index: number,
    path: string,
    target: Target,
    id?: string,
  ) => {
    if (id !== undefined) refs.push({ collection, index, path, target, id });
  };
  batch.users?.forEach((user, i) => {
    add('users', i, 'teamId', 'teams', user.teamId);
  });
  batch.accounts?.forEach((account, i) => {
    add('accounts', i, 'tierId', 'tiers', account.tierId);
    add('accounts', i, 'ownerId', 'users', account.ownerId);
  });
  batch.objectives?.forEach((objective, i) => {
    add('objectives', i, 'parentId', 'objectives', objective.parentId);
    add('objectives', i, 'ownerId', 'users', objective.ownerId);
  });
  batch.keyResults?.forEach((kr, i) => {
    add('keyResults', i, 'objectiveId', 'objectives', kr.objectiveId);
    add('keyResults', i, 'ownerId', 'users', kr.ownerId);
    kr.scope.accountIds?.forEach((id, j) => {
      add('keyResults', i, `scope.accountIds[${j}]`, 'accounts', id);
    });
    kr.scope.tierIds?.forEach((id, j) => {
      add('keyResults', i, `scope.tierIds[${j}]`, 'tiers', id);
    });
  });
  batch.metrics?.forEach((metric, i) => {
    add('metrics', i, 'accountId', 'accounts', metric.accountId);
    add('metrics', i, 'key', 'metricDefinitions', metric.key);
  });
  return refs;
}

/** The references whose target exists neither in the batch nor in the database. */
async function missingReferences(tx: Db, batch: IntegrityBatch, refs: Reference[]): Promise<Reference[]> {
  const present: Record<Target, Set<string>> = {
    users: new Set(batch.users?.map((user) => user.id)),
    teams: new Set(batch.teams?.map((team) => team.id)),
    tiers: new Set(batch.tiers?.map((tier) => tier.id)),
    accounts: new Set(batch.accounts?.map((account) => account.id)),
    objectives: new Set(batch.objectives?.map((objective) => objective.id)),
    metricDefinitions: new Set(batch.metricDefinitions?.map((definition) => definition.key)),
  };
  // Only ids the batch does not define are looked up, so a full import costs no extra queries.
  for (const target of Object.keys(present) as Target[]) {
    const unknown = new Set(
      refs.filter((r) => r.target === target && !present[target].has(r.id)).map((r) => r.id),
    );
    if (unknown.size === 0) continue;
    const rows = await tx.query<{ id: string }>(
      `SELECT id FROM ${TARGET_TABLE[target]} WHERE id = ANY($1::text[])`,
      [[...unknown]],
    );
    for (const row of rows) present[target].add(row.id);
  }
  return refs.filter((ref) => !present[ref.target].has(ref.id));
}

async function takenEmails(tx: Db, users: NonNullable<IntegrityBatch['users']>): Promise<IntegrityProblem[]> {
  if (users.length === 0) return [];
  const rows = await tx.query<{ id: string; email: string }>(
    'SELECT id, lower(email) AS email FROM users WHERE lower(email) = ANY($1::text[])',
    [users.map((user) => user.email.toLowerCase())],
  );
  const owner = new Map(rows.map((row) => [row.email, row.id]));
  return users.flatMap((user, index) => {
    const id = owner.get(user.email.toLowerCase());
    return id !== undefined && id !== user.id
      ? [{ collection: 'users' as const, index, path: 'email', message: `already used by user "${id}"` }]
      : [];
  });
}
