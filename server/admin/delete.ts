import {
  ADMIN_COLLECTIONS,
  type AdminCollection,
  type Referrer,
  type User,
} from '../../lib/schemas/index.ts';
import type { Db } from '../db/types.ts';
import { writeTransaction } from '../feed/lock.ts';
import { deleteEntities } from '../store/delete.ts';
import { recordAudit } from './audit.ts';

/** Nothing was deleted: other rows still refer to some of the named ones. */
export class StillReferencedError extends Error {
  constructor(readonly referrers: Referrer[]) {
    const first = referrers[0];
    super(
      `Nothing was deleted: ${first?.count} ${first?.collection} still refer to "${first?.id}" by ${first?.field}` +
        (referrers.length > 1 ? `, and ${referrers.length - 1} more reference(s)` : '') +
        '. Delete or change those first.',
    );
    this.name = 'StillReferencedError';
  }
}

/** A query for (target id, referring id) pairs, given `$1` the ids being deleted. */
interface ReferenceQuery {
  collection: AdminCollection;
  field: string;
  sql: string;
}

const column = (table: string, col: string) =>
  `SELECT ${col} AS target, id FROM ${table} WHERE ${col} = ANY($1::text[])`;
const jsonField = (table: string, field: string) =>
  `SELECT data->>'${field}' AS target, id FROM ${table} WHERE data->>'${field}' = ANY($1::text[])`;
const jsonList = (table: string, path: string) =>
  `SELECT x.target, t.id FROM ${table} t, jsonb_array_elements_text(t.data${path}) AS x(target)
   WHERE jsonb_typeof(t.data${path}) = 'array' AND x.target = ANY($1::text[])`;

/**
 * Who refers to a row of each collection. Outcomes are history, not references: deleting a key result
 * or an account keeps its outcomes' record (an account takes its outcomes with it, as before).
 */
const REFERENCES: Partial<Record<AdminCollection, ReferenceQuery[]>> = {
  teams: [{ collection: 'users', field: 'teamId', sql: column('users', 'team_id') }],
  users: [
    { collection: 'accounts', field: 'ownerId', sql: column('accounts', 'owner_id') },
    { collection: 'objectives', field: 'ownerId', sql: jsonField('objectives', 'ownerId') },
    { collection: 'keyResults', field: 'ownerId', sql: jsonField('key_results', 'ownerId') },
  ],
  tiers: [
    { collection: 'accounts', field: 'tierId', sql: column('accounts', 'tier_id') },
    {
      collection: 'keyResults',
      field: 'scope.tierIds',
      sql: jsonList('key_results', "->'scope'->'tierIds'"),
    },
  ],
  accounts: [
    { collection: 'metrics', field: 'accountId', sql: column('metrics', 'account_id') },
    {
      collection: 'keyResults',
      field: 'scope.accountIds',
      sql: jsonList('key_results', "->'scope'->'accountIds'"),
    },
  ],
  objectives: [
    { collection: 'objectives', field: 'parentId', sql: column('objectives', 'parent_id') },
    { collection: 'keyResults', field: 'objectiveId', sql: column('key_results', 'objective_id') },
  ],
  metricDefinitions: [{ collection: 'metrics', field: 'key', sql: column('metrics', 'key') }],
};

const SHOWN = 20;

interface DeleteResult {
  results: { id: string; status: 'deleted' | 'not_found' }[];
}

/**
 * Deletes rows of one collection by id, all or nothing, leaving tombstones in the feed. Refuses with
 * StillReferencedError when rows outside the deleted set still refer to any of them.
 */
export async function deleteCollection(
  db: Db,
  collection: AdminCollection,
  ids: readonly string[],
  options: { actor: Pick<User, 'id' | 'name'> | null; source: 'api' | 'workspace' | 'cli' | 'scim' },
): Promise<DeleteResult> {
  const unique = [...new Set(ids)];
  return writeTransaction(db, async (tx) => {
    const referrers = await findReferrers(tx, collection, unique);
    if (referrers.length > 0) throw new StillReferencedError(referrers);
    const deleted = new Set(await deleteEntities(tx, ADMIN_COLLECTIONS[collection].type, unique));
    await recordAudit(tx, {
      actor: options.actor,
      source: options.source,
      collection,
      op: 'delete',
      ids: unique.filter((id) => deleted.has(id)),
    });
    return { results: unique.map((id) => ({ id, status: deleted.has(id) ? 'deleted' : 'not_found' })) };
  });
}

async function findReferrers(tx: Db, collection: AdminCollection, ids: string[]): Promise<Referrer[]> {
  const deleting = new Set(ids);
  const referrers: Referrer[] = [];
  for (const query of REFERENCES[collection] ?? []) {
    const rows = await tx.query<{ target: string; id: string }>(`${query.sql} ORDER BY 1, 2`, [ids]);
    const byTarget = new Map<string, string[]>();
    for (const row of rows) {
      // A row deleted in the same call (a child objective with its parent) no longer refers to anything.
      if (query.collection === collection && deleting.has(row.id)) continue;
      const list = byTarget.get(row.target) ?? [];
      list.push(row.id);
      byTarget.set(row.target, list);
    }
    for (const [id, from] of byTarget) {
      referrers.push({
        id,
        collection: query.collection,
        field: query.field,
        ids: from.slice(0, SHOWN),
        count: from.length,
      });
    }
  }
  return referrers;
}
