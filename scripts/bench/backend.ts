import { randomBytes } from 'node:crypto';
import type { Snapshot } from '../../lib/schemas/index.ts';
import { type Db, importSnapshot, openDb, type RunningServer, startServer } from '../../server/index.ts';

export type StorageKind = 'pglite' | 'postgres';

/**
 * The load test sends hundreds of requests per second on a few tokens, far past the default limit.
 * The limiter stays in the path (its cost is part of what is measured) but never refuses.
 */
export const BENCH_RATE_LIMIT = { requests: 1_000_000_000, windowSeconds: 1 } as const;

export interface BenchBackend {
  storage: StorageKind;
  server: RunningServer;
  importSeconds: number;
  close(): Promise<void>;
}

/** PGlite in memory, or (for 'postgres') a throw-away schema on the DATABASE_URL server. */
async function openStorage(storage: StorageKind): Promise<{ db: Db; dispose(): Promise<void> }> {
  if (storage === 'pglite') {
    const db = await openDb({ kind: 'memory' });
    return { db, dispose: () => db.close() };
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  // A schema of its own: the benchmark must never touch the data of whoever owns that database.
  const schema = `goal_lens_bench_${randomBytes(6).toString('hex')}`;
  const db = await openDb({ kind: 'postgres', url, schema });
  return {
    db,
    async dispose() {
      await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  };
}

/** The reference backend in this process, on a free loopback port, holding `snapshot`. */
export async function startBenchBackend(storage: StorageKind, snapshot: Snapshot): Promise<BenchBackend> {
  const { db, dispose } = await openStorage(storage);
  try {
    const started = performance.now();
    await importSnapshot(db, snapshot);
    const importSeconds = (performance.now() - started) / 1000;
    const server = await startServer({ port: 0, db, rateLimit: BENCH_RATE_LIMIT });
    return {
      storage,
      server,
      importSeconds,
      async close() {
        await server.close();
        await dispose();
      },
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}
