/** The whole storage surface the server needs, so PGlite and node-postgres are interchangeable. */
export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction; nested calls join the outer transaction. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Hears Postgres NOTIFY on `channel` (from this or any other connection to the same database) until
   * the returned function is called. Only a database handle has it, not a transaction.
   */
  listen?(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
}

/** Where the data lives; every command accepts the same choice. */
export type StorageChoice =
  | { kind: 'postgres'; url: string /** isolates test runs that share one database */; schema?: string }
  | { kind: 'memory' }
  | { kind: 'dir'; dir: string };
