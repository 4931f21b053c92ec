import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db } from './types.ts';

function wrapTransaction(tx: Transaction): Db {
  const self: Db = {
    async query<T>(sql: string, params?: unknown[]) {
      return (await tx.query<T>(sql, params)).rows;
    },
    transaction: (fn) => fn(self),
    close: () => Promise.reject(new Error('cannot close the database from inside a transaction')),
  };
  return self;
}

/** Embedded Postgres: in memory when `dir` is omitted, else persisted in that folder. */
export async function openPglite(dir?: string): Promise<Db> {
  const pg = dir === undefined ? new PGlite() : new PGlite(dir);
  await pg.waitReady;
  return {
    async query<T>(sql: string, params?: unknown[]) {
      return (await pg.query<T>(sql, params)).rows;
    },
    transaction: (fn) => pg.transaction((tx) => fn(wrapTransaction(tx))),
    close: () => pg.close(),
    listen: (channel, onPayload) => pg.listen(channel, onPayload),
  };
}
