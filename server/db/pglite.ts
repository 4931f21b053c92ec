import { Worker } from 'node:worker_threads';
import type { Db } from './types.ts';

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: { name: string; message: string } & Record<string, unknown>;
}

/** The worker's error as an Error of this thread, keeping what Postgres said (code, detail, …). */
function revive(error: NonNullable<Reply['error']>): Error {
  return Object.assign(new Error(error.message), error);
}

/**
 * Embedded Postgres: in memory when `dir` is omitted, else persisted in that folder. It runs in a
 * worker thread (pglite-worker.js) so that its queries never block the thread answering HTTP.
 */
export async function openPglite(dir?: string): Promise<Db> {
  const worker = new Worker(new URL('./pglite-worker.js', import.meta.url), { workerData: { dir } });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let stopped: Error | undefined;
  /** NOTIFY payloads the worker heard, by the listener id it gave out. */
  const listeners = new Map<number, (payload: string) => void>();

  await new Promise<void>((resolve, reject) => {
    worker.once('message', (message: { ready: boolean; error?: Reply['error'] }) =>
      message.ready ? resolve() : reject(revive(message.error ?? { name: 'Error', message: 'unknown' })),
    );
    worker.once('error', reject);
  });
  const stop = (error: Error) => {
    stopped ??= error;
    for (const { reject } of pending.values()) reject(stopped);
    pending.clear();
  };
  worker.on('error', (error) => stop(new Error(`the embedded database stopped: ${error.message}`)));
  worker.on('exit', () => stop(new Error('the embedded database is closed')));
  worker.on('message', (reply: Reply | { notify: number; payload: string }) => {
    if ('notify' in reply) {
      listeners.get(reply.notify)?.(reply.payload);
      return;
    }
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(revive(reply.error ?? { name: 'Error', message: 'unknown' }));
  });
  // An idle database must not keep the process alive, as PGlite on this thread never did.
  worker.unref();

  function call<T>(request: Record<string, unknown>): Promise<T> {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    worker.ref();
    worker.postMessage({ ...request, id });
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    });
  }

  function inTransaction(tx: number): Db {
    const self: Db = {
      query: (sql, params) => call({ kind: 'query', sql, params, tx }),
      transaction: (fn) => fn(self),
      close: () => Promise.reject(new Error('cannot close the database from inside a transaction')),
    };
    return self;
  }

  return {
    query: (sql, params) => call({ kind: 'query', sql, params }),
    async transaction(fn) {
      const tx = await call<number>({ kind: 'begin' });
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        result = await fn(inTransaction(tx));
      } catch (error) {
        // The caller's error says what went wrong; a failed rollback would only hide it.
        await call({ kind: 'end', tx, commit: false }).catch(() => {});
        throw error;
      }
      await call({ kind: 'end', tx, commit: true });
      return result;
    },
    async close() {
      if (stopped) return;
      await call({ kind: 'close' });
      await worker.terminate();
    },
    async listen(channel, onPayload) {
      const listener = await call<number>({ kind: 'listen', channel });
      listeners.set(listener, onPayload);
      return async () => {
        listeners.delete(listener);
        if (!stopped) await call({ kind: 'unlisten', listener });
      };
    },
  };
}
