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
  // Every query here is a short request's: JIT compiling it (Postgres does when the estimated cost is
  // high, as for a feed page whose rows are cut per reader) took ~0.5 s of CPU per CSM's poll, and
  // parallel workers cost more to start than such a query takes. Both off for this server's sessions.
  const settings = ['-c jit=off', '-c max_parallel_workers_per_gather=0'];
  if (schema !== undefined) settings.push(`-c search_path=${schema}`);
  const connection = { connectionString: url, options: settings.join(' ') };
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
