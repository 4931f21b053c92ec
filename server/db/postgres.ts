import pg from 'pg';
import { listenPostgres } from './postgres-listen.ts';
import type { Db } from './types.ts';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

function clientDb(client: pg.PoolClient): Db {
  const self: Db = {
    async query<T>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params)).rows as T[];
    },
    transaction: (fn) => fn(self),
    close: () => Promise.reject(new Error('cannot close the database from inside a transaction')),
  };
  return self;
}

/**
 * A Postgres server through a connection pool. With `schema`, every connection works in that schema
 * (created if missing), so several independent data sets can share one database.
 */
export async function openPostgres(url: string, schema?: string): Promise<Db> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const connection = {
    connectionString: url,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  };
  const pool = new pg.Pool({ ...connection, max: 10 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  if (schema !== undefined) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  return {
    async query<T>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(clientDb(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is dropped rather than handed to the next caller.
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
    listen: (channel, onPayload) => listenPostgres(connection, channel, onPayload),
  };
}
