import type { Snapshot } from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import { TABLES } from '../store/tables.ts';

type Collection = 'users' | 'tiers' | 'accounts' | 'objectives' | 'metricDefinitions';

/** A reference from a snapshot field to an entity that must exist in the snapshot or the database. */
interface Reference {
  path: string;
  target: Collection;
  id: string;
}

const TARGET_TABLE: Record<Collection, string> = {
  users: TABLES.user.table,
  tiers: TABLES.tier.table,
  accounts: TABLES.account.table,
  objectives: TABLES.objective.table,
  metricDefinitions: TABLES.metricDefinition.table,
};

/**
 * What zod cannot see: ids repeated inside the snapshot, emails already taken by another user, and
 * references to entities that exist neither in the snapshot nor in the database.
 */
export async function checkIntegrity(tx: Db, snapshot: Snapshot): Promise<string[]> {
  const problems = [
    ...duplicates('users', snapshot.users, (user) => user.id),
    ...duplicates('users', snapshot.users, (user) => user.email.toLowerCase(), 'email'),
    ...duplicates('tiers', snapshot.tiers, (tier) => tier.id),
    ...duplicates('accounts', snapshot.accounts, (account) => account.id),
    ...duplicates('objectives', snapshot.objectives, (objective) => objective.id),
    ...duplicates('keyResults', snapshot.keyResults, (kr) => kr.id),
    ...duplicates('metricDefinitions', snapshot.metricDefinitions, (definition) => definition.key, 'key'),
    ...duplicates('metrics', snapshot.metrics, TABLES.metric.idOf, 'key'),
  ];
  problems.push(...(await missingReferences(tx, snapshot, references(snapshot))));
  problems.push(...(await takenEmails(tx, snapshot)));
  return problems;
}

function duplicates<T>(collection: string, rows: T[], keyOf: (row: T) => string, field = 'id'): string[] {
  const first = new Map<string, number>();
  const problems: string[] = [];
  rows.forEach((row, index) => {
    const key = keyOf(row);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, index);
    else problems.push(`${collection}[${index}].${field}: duplicate of ${collection}[${seen}] (${key})`);
  });
  return problems;
}

function references(snapshot: Snapshot): Reference[] {
  const refs: Reference[] = [];
  const add = (path: string, target: Collection, id: string | undefined) => {
    if (id !== undefined) refs.push({ path, target, id });
  };
  snapshot.accounts.forEach((account, i) => {
    add(`accounts[${i}].tierId`, 'tiers', account.tierId);
    add(`accounts[${i}].ownerId`, 'users', account.ownerId);
  });
  snapshot.objectives.forEach((objective, i) => {
    add(`objectives[${i}].parentId`, 'objectives', objective.parentId);
    add(`objectives[${i}].ownerId`, 'users', objective.ownerId);
  });
  snapshot.keyResults.forEach((kr, i) => {
    add(`keyResults[${i}].objectiveId`, 'objectives', kr.objectiveId);
    add(`keyResults[${i}].ownerId`, 'users', kr.ownerId);
    kr.scope.accountIds?.forEach((id, j) => {
      add(`keyResults[${i}].scope.accountIds[${j}]`, 'accounts', id);
    });
    kr.scope.tierIds?.forEach((id, j) => {
      add(`keyResults[${i}].scope.tierIds[${j}]`, 'tiers', id);
    });
  });
  snapshot.metrics.forEach((metric, i) => {
    add(`metrics[${i}].accountId`, 'accounts', metric.accountId);
    add(`metrics[${i}].key`, 'metricDefinitions', metric.key);
  });
  return refs;
}

async function missingReferences(tx: Db, snapshot: Snapshot, refs: Reference[]): Promise<string[]> {
  const present: Record<Collection, Set<string>> = {
    users: new Set(snapshot.users.map((user) => user.id)),
    tiers: new Set(snapshot.tiers.map((tier) => tier.id)),
    accounts: new Set(snapshot.accounts.map((account) => account.id)),
    objectives: new Set(snapshot.objectives.map((objective) => objective.id)),
    metricDefinitions: new Set(snapshot.metricDefinitions.map((definition) => definition.key)),
  };
  // Only ids the snapshot does not define are looked up, so a full import costs no extra queries.
  for (const target of Object.keys(present) as Collection[]) {
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
  return refs
    .filter((ref) => !present[ref.target].has(ref.id))
    .map((ref) => `${ref.path}: unknown ${singular(ref.target)} "${ref.id}"`);
}

async function takenEmails(tx: Db, snapshot: Snapshot): Promise<string[]> {
  if (snapshot.users.length === 0) return [];
  const rows = await tx.query<{ id: string; email: string }>(
    'SELECT id, lower(email) AS email FROM users WHERE lower(email) = ANY($1::text[])',
    [snapshot.users.map((user) => user.email.toLowerCase())],
  );
  const owner = new Map(rows.map((row) => [row.email, row.id]));
  return snapshot.users.flatMap((user, i) => {
    const id = owner.get(user.email.toLowerCase());
    return id !== undefined && id !== user.id ? [`users[${i}].email: already used by user "${id}"`] : [];
  });
}

function singular(collection: Collection): string {
  return {
    users: 'user',
    tiers: 'tier',
    accounts: 'account',
    objectives: 'objective',
    metricDefinitions: 'metric definition',
  }[collection];
}
