import { type BackendClient, BackendError } from '../backend/client.ts';
import { openAccountWriter } from '../cache/account-store.ts';
import { type CacheDb, writeKv } from '../cache/db.ts';
import { clearEntities, readEntity } from '../cache/entities.ts';
import type { EntityType } from '../schemas/entities.ts';
import { applyChanges, restoreRecords } from './apply-changes.ts';
import { feedPages } from './feed-pages.ts';
import { CURSOR_KEY } from './forget-synced.ts';
import {
  AccountOrder,
  dropStaging,
  readStaging,
  refuseIfDropped,
  resumeStaging,
  type StagingState,
  stagedGroups,
  stagePage,
} from './staging.ts';
import type { RecordProblem } from './validate-changes.ts';

/** Whether a full resync was left half-way and should go on before anything else. */
export async function resyncUnderWay(db: CacheDb): Promise<boolean> {
  return (await readStaging(db)) !== undefined;
}

/** Stages the feed from where staging stopped (or from its start), page by page. */
async function stageFeed(
  db: CacheDb,
  client: BackendClient,
  pageSize: number,
  from: { state: StagingState; order: AccountOrder } | undefined,
): Promise<StagingState | undefined> {
  let state = from?.state;
  const order = from?.order ?? new AccountOrder();
  for await (const page of feedPages(client, state?.cursor ?? null, pageSize)) {
    state = await stagePage(db, page, state, order);
  }
  return state;
}

/**
 * Moves the staged feed into the cache in one transaction, replacing what it held: a panel never
 * sees half of the old and half of the new. Records that failed validation keep their last good
 * cached version.
 */
async function switchToStaged(db: CacheDb, state: StagingState) {
  await db.transaction('rw', [...db.entityTables, db.stagedChanges, db.kv], async () => {
    await refuseIfDropped(db, state);
    const kept = await Promise.all(
      state.problems.map((p) => {
        const type = p.type as EntityType;
        return readEntity(db, type, p.id).then((row) => (row === undefined ? [] : [{ type, row }]));
      }),
    );
    await clearEntities(db);
    const writer = await openAccountWriter(db);
    for await (const changes of stagedGroups(db, state)) await applyChanges(db, changes, writer);
    await restoreRecords(db, kept.flat(), writer);
    await dropStaging(db);
    await writeKv(db, CURSOR_KEY, state.cursor);
  });
}

/**
 * Reads the whole feed and replaces the cache with it: on a first sync, after the server forgot our
 * cursor (we may have missed deletions), or after the cache was partly dropped to make room. Goes
 * on from the last staged page when an earlier run was stopped; if the server no longer knows that
 * page's cursor, the staged pages are dropped and the feed read again from its start.
 */
export async function fullResync(
  db: CacheDb,
  client: BackendClient,
  pageSize: number,
  problems: RecordProblem[],
): Promise<true> {
  let state: StagingState | undefined;
  try {
    state = await stageFeed(db, client, pageSize, await resumeStaging(db));
  } catch (error) {
    if (!(error instanceof BackendError && error.code === 'cursor_expired')) throw error;
    await db.transaction('rw', [db.stagedChanges, db.kv], () => dropStaging(db));
    state = await stageFeed(db, client, pageSize, undefined);
  }
  if (!state) throw new Error('the change feed returned no page');
  problems.push(...state.problems);
  await switchToStaged(db, state);
  return true;
}
